void f() { }
void f() { }
