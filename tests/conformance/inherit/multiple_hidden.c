// Two parents with the same names (MudOS v22, Neolith the same):
// - a later inherit's private function still takes its name over an earlier
//   inherit's visible one: it is gone for call_other and for the earlier
//   parent's own calls, which reach the private function; function_exists()
//   with the flag names its program;
// - a plain call takes the later inherit's definition, `::g()` the first
//   direct inherit that has one (arrange_call_inherited).
inherit "/mh_side";
inherit "/mh_mid";

void create() {
  write(sprintf("%O\n", this_object()->f()));
  write(call_f() + "\n");
  write(sprintf("%O %O\n", function_exists("f", this_object()), function_exists("f", this_object(), 1)));
  write(g() + " / " + ::g() + "\n");
}
