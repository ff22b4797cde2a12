int count;
int inc(int n) { count++; return n + 1; }
static int st() { return 1; }
private int pr() { return 2; }
protected int pt() { return 3; }
string prev() { return file_name(previous_object()); }
int get_count() { return count; }
