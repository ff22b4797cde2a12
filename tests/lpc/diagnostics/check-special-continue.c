// MudOS grammar.y.pre (statement: L_CONTINUE in SPECIAL_CONTEXT).
void f() {
  for (int i = 0; i < 3; i++) {
    int t = time_expression {
      continue;
    };
    t = time_expression {
      foreach (int x in ({ 1, 2 })) if (x) continue;
    };
  }
}
