// <<= and >>= on array elements and mapping values (MudOS f_lsh_eq/f_rsh_eq
// take any lvalue).
void create() {
  int *a = ({ 1, 2, 3 });
  mapping m = ([ "k": 64 ]);
  a[2] <<= 2;
  m["k"] >>= 3;
  a[<3] <<= 4;
  write(a[0] + " " + a[2] + " " + m["k"] + "\n");
}
