// Global initializers run in order before create() (MudOS __INIT), and may
// call functions and use earlier globals.
int a = 2;
int b = a * 10;
string *log = ({ "init" });
int c = next();

int next() {
  log += ({ "next b=" + b });
  return b + 1;
}

void create() {
  log += ({ "create" });
  write(implode(log, ", ") + "\n");
  write(a + " " + b + " " + c + "\n");
}
