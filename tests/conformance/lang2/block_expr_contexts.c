// catch { } / time_expression { } in other places an expression may appear:
// a global initializer, an anonymous function, a switch, a foreach over
// `ref` variables, an argument list and a return value (MudOS expr_or_block
// is an ordinary expression).
mixed early = catch { throw("at init"); };
int timed = time_expression { early += "!"; } >= 0;

mixed attempt(function f) {
  return catch { evaluate(f); };
}

void create() {
  write(early + " " + timed + "\n");
  function anon = function(int x) {
    mixed e = catch { if (x) error("odd\n"); };
    return e ? "failed" : "fine";
  };
  write(anon(0) + " " + anon(1) + "\n");
  switch (catch { throw(2); }) {
  case 1: write("one\n"); break;
  case 2: write("two\n"); break;
  }
  int *nums = ({ 1, 2, 3 });
  foreach (ref int n in nums) {
    mixed e = catch { if (n == 2) throw("skip"); n *= 10; };
    if (e) n = -1;
  }
  write(sprintf("%O\n", nums));
  write(sprintf("%s|%O\n", attempt((: throw("from pointer") :)), attempt((: 1 :))));
  write(sizeof(({ catch { throw(1); }, catch { }, time_expression { } >= 0 })) + "\n");
}
