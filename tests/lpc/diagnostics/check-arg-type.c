#pragma strict_types
inherit "/lib/base";
void f() {
  sum(1, "two");
  strlen(42);
}
