// Helper for from_destructed: calls back before and after destructing itself.
mixed *run(object caller) {
    int before = caller->f();
    destruct(this_object());
    return ({ before, caller->f(), call_other(caller, "f") });
}
