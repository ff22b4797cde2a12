// Helper for destructed_current: destructs itself, then clones objects (each
// becomes the current object in its create()), then calls back.
mixed *run(object caller) {
    object *clones = ({ });
    destruct(this_object());
    for (int i = 0; i < 20; i++) clones += ({ clone_object("/slot_clone") });
    return ({ caller->f(), call_other(caller, "f"), clones });
}
