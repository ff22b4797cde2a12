// Used by ed_destruct_saves.c (not a case): an object with an ed session.
string open(string file) { return ed_start(file); }
string cmd(string c) { return ed_cmd(c); }
