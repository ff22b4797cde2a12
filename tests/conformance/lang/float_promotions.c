// MudOS do_promotions() (compiler.c): an initializer or plain assignment whose
// static type is int becomes a float for a float variable, and a float-typed
// one is truncated for an int variable (globals, locals, for-loop locals).
// A mixed value is stored as it is.
float g = 2;
int gi = 3.9;
void create() {
    float f = 1;
    int i = -2.5;
    mixed m = 1.5;
    float h;
    int k;
    h = 3;
    k = m;
    for (float x = 0; x < 1; x += 1) write(typeof(x) + "\n");
    write(sprintf("%O %O %O %O %O %O\n", g, gi, f, i, h, k));
}
