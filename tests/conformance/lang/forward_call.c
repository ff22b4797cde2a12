// A function may be called before it is defined, without a prototype, and
// functions may be mutually recursive.
void create() {
  write(is_even(10) + " " + is_even(7) + "\n");
  write(fib(20) + "\n");
}

int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
