// status is an old name for int.
status flag;

status check(int x) { return x > 3; }

void create() {
  flag = check(5);
  write(flag + " " + check(1) + " " + typeof(flag) + "\n");
}
