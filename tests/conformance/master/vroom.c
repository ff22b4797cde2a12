// Helper: what compile_object() builds virtual rooms from.
int number;
void setup(int n) { number = n; }
int query_number() { return number; }
string where() { return file_name(this_object()); }
