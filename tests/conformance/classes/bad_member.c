// Helper for member_errors.c: uses a member the class does not have.
class c { int a; }
void create() { class c x = new(class c); x->nope = 1; }
