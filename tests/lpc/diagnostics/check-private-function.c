inherit "/lib/base";
void f() {
  hidden();
  base::hidden();
}
