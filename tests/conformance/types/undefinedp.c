// nullp(uninit) assumes unset globals hold the undefined zero, as the FluffOS testsuite (nullp.lpc) expects.

int uninit;
varargs int opt(int x) { return undefinedp(x); }

void create() {
    mapping m = ([ "k": 0 ]);
    write(undefinedp(m["missing"]) + "\n");
    write(undefinedp(0) + "\n");
    write(undefinedp("") + "\n");
    write(nullp(m["nope"]) + "\n");
    write(nullp(uninit) + "\n");
    write(opt() + "\n");
}
