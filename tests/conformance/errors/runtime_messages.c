// Runtime error texts raised by the engine (catch() shows them with a leading '*').
int only_prototype(int x);
string s;

void create() {
  write(catch(only_prototype(1)) + "\n");
  write(catch(strlen(s)) + "\n");
  write(catch(error("with newline\n")));
  write(catch(call_other(this_object(), 42)) + "\n");
  write(catch(evaluate((: $1 / $2 :), 1, 0)) + "\n");
  write(sprintf("%O\n", catch(throw("plain string"))));
}
