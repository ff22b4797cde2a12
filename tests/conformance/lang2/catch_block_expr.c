// catch { } as an expression (MudOS v22 grammar.y.pre: `catch: L_CATCH
// expr_or_block`, Neolith grammar.y the same): the block runs in the
// function's scope and the value is what catch(expr) gives — 0 when the
// block completes, the thrown value, or "*message" for an error (the
// message keeps error()'s text, MudOS error.c adds the '*').
string show(mixed v) {
  if (stringp(v)) return "\"" + replace_string(v, "\n", "\\n") + "\"";
  return sprintf("%O", v);
}

int calls;

int bump() { return ++calls; }

void create() {
  int n = 1;
  mixed err = catch {
    n += 10;
    int local = n * 2;
    n = local;
  };
  write("ok: " + show(err) + " n=" + n + "\n");

  err = catch {
    n = 5;
    error("boom\n");
    n = 6;
  };
  write("error: " + show(err) + " n=" + n + "\n");

  err = catch { throw(({ "a", 1 })); };
  write("throw: " + show(err) + "\n");

  // Nested blocks, and the value used directly in an expression.
  write("nested: " + show(catch { err = catch { throw("in"); }; throw("out"); }) + " " + show(err) + "\n");

  // As a loop condition: the block runs on every test.
  int i = 0;
  while (!catch { if (++i > 2) throw("stop"); }) write("loop " + i + "\n");
  // In a do-while test, even when the body continues.
  int j = 0;
  do {
    if (j % 2) continue;
  } while (!catch { if (++j > 3) throw(1); });
  write("do " + j + "\n");

  // Short-circuit: the block only runs when evaluated.
  int zero = 0;
  mixed r = zero && catch { bump(); };
  r = (n > 0) ? catch { bump(); throw("t"); } : catch { bump(); };
  write("calls " + calls + " r=" + show(r) + "\n");

  // Loops inside the block, and a block in a function pointer.
  err = catch {
    foreach (int x in ({ 1, 2, 3 })) {
      if (x == 2) continue;
      n += x;
    }
  };
  function f = (: catch { throw($1); } :);
  write("n=" + n + " fp=" + show(evaluate(f, "arg")) + "\n");
}
