// FluffOS `ref` parameters: assignments in the callee reach the caller's lvalue
// (locals, globals, array elements); without `ref` at the call the value is copied.
void twice(int ref x, int y) { x = x * 2; x += y; }
void fill(mixed ref m) { m = ({ 1, 2 }); }
int g = 5;
void create() {
  int a = 10;
  int *arr = ({ 7, 8 });
  mixed z;
  twice(ref a, 1);
  twice(ref g, 0);
  twice(ref arr[1], 100);
  fill(ref z);
  twice(a, 1000);
  write(sprintf("%d %d %O %O\n", a, g, arr, z));
}
