// Helper (no .expected): a program sharing one global name with restore_other.
int shared = 11;
string only_here = "other";
int save(string f) { return save_object(f); }
