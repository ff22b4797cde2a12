int v = 5;
object last_prev;
void create() { v = v * 2; }
int query_v() { return v; }
object who_called() { return previous_object(); }
void fail() { error("helper failed"); }
varargs string opt(int a, int b) { return a + ":" + b + ":" + undefinedp(b); }
