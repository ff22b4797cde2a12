// MudOS grammar.y.pre (statement: L_BREAK in SPECIAL_CONTEXT).
void f() {
  while (1) {
    catch {
      break;
    };
    mixed err = catch {
      for (int i = 0; i < 3; i++) if (i) break;
      switch (1) { case 1: break; }
    };
  }
}
