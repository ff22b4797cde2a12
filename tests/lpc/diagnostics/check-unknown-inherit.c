inherit "/lib/base";
void f() {
  nothere::query_counter();
}
