// Modifier labels and blocks (MudOS v22 grammar.y.pre `modifier_change`:
// `private:` applies to the declarations that follow until the next label;
// Neolith/FluffOS also take `nosave { ... }` style blocks). call_other()
// cannot reach private functions, not even from the same object (MudOS
// apply_low: DECL_PRIVATE is below the DECL_PROTECTED it asks for then).
int open_one() { return 1; }

private:
int hidden_one() { return 2; }
int hidden_two() { return 3; }

public:
int open_two() { return hidden_one() + hidden_two(); }

static {
  int guarded() { return 4; }
}

int open_three() { return guarded(); }

void create() {
  object me = this_object();
  write(sprintf("%O %O %O %O %O\n", me->open_one(), me->hidden_one(), me->hidden_two(),
    me->open_two(), me->open_three()));
}
