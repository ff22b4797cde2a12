int f(int x);
string f(string x) { return x; }
