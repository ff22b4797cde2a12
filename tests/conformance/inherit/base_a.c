int a = 10;
private int secret = 7;
string who() { return "A"; }
string hello() { return "hello from " + who(); }
private string hidden() { return "hidden-A"; }
string use_hidden() { return hidden() + " " + secret; }
int get_a() { return a; }
