// Helper (no .expected): an object that uses file efuns on the master's behalf.
string read(string f) { return read_file(f); }
int write_it(string f, string s) { return write_file(f, s); }
