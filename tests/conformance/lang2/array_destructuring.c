// `({ a, b }) = arr` assigns the array's elements to the lvalues in order
// (accepted by the Lapis front end for mudlibs that use it; MudOS v22 and
// Neolith have no such form). The expression's value is the array.
void create() {
  int a, b;
  string *names = allocate(2);
  mixed r = ({ a, b }) = ({ 1, 2, 3 });
  write(a + " " + b + " " + sizeof(r) + "\n");
  ({ names[1], names[0] }) = ({ "first", "second" });
  write(implode(names, ",") + "\n");
  ({ a, b }) = ({ b, a });
  write(a + " " + b + "\n");
  write(replace_string(catch(({ a, b }) = ({ 9 })), "\n", "") + " a=" + a + "\n");
}
