// Runtime error texts raised by the engine (catch() shows them with a leading '*').
int only_prototype(int x);
string s;

void create() {
  write(catch(only_prototype(1)) + "\n");
  write(catch(strlen(s)) + "\n");
  write(catch(error("with newline\n")));
  mixed not_a_name = 42;
  write(catch(call_other(this_object(), not_a_name)) + "\n");
  write(catch(evaluate((: $1 / $2 :), 1, 0)) + "\n");
  write(sprintf("%O\n", catch(throw("plain string"))));
}
