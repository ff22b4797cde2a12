// Globals without an initializer start as 0 whatever their declared type.
int i;
string s;
mapping m;
object o;
mixed *arr;
float f;
function fn;

void create() {
  write(sprintf("%O %O %O %O %O %O %O\n", i, s, m, o, arr, f, fn));
  write(typeof(s) + " " + typeof(f) + "\n");
}
