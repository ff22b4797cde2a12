// An assignment evaluates its right-hand side before the lvalue (MudOS
// grammar.y.pre: "assignments are backwards; rhs is evaluated before lhs"),
// for = and for op= alike.
int calls;
string *order = ({ });
int idx(string tag) { order += ({ tag }); return 0; }
int val(string tag) { order += ({ tag }); return ++calls; }

void create() {
  int i = 0;
  int *arr = allocate(3);
  arr[i++] = i;
  write(sprintf("%d %d %d\n", i, arr[0], arr[1]));
  arr[idx("lhs")] = val("rhs");
  arr[idx("lhs2")] += val("rhs2");
  write(implode(order, ",") + "\n");
}
