// Each inherited program keeps its own variables; the parent's functions and
// the child see the same storage for an inherited variable.
inherit "/vars_a";
inherit "/vars_b";

int own = 3;

void create() {
  bump_a();
  bump_b();
  bump_b();
  a_count += 100;
  write(a_count + " " + b_count + " " + own + "\n");
  write(get_a() + " " + get_b() + "\n");
  write(sprintf("%O\n", a_list));
}
