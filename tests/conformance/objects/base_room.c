// Helper: what replace_program() leaves behind.
int visits;
string look() { return "a plain room, visited " + visits + " times"; }
void visit() { visits++; }
