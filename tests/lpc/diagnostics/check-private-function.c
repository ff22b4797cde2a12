inherit "/lib/base";
void f() {
  base::hidden();
}
