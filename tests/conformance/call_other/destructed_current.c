// An object that destructs itself stays the (destructed) current object until
// its function returns, however many objects are created meanwhile: its
// call_others still do nothing, the objects it clones see no
// previous_object(), and the caller is current again afterwards.
int calls;
int f() { calls++; return 7; }

void create() {
    mixed *r = load_object("/slot_helper")->run(this_object());
    write(sprintf("%d %d %d %d\n", undefinedp(r[0]), undefinedp(r[1]), calls, sizeof(r[2])));
    write(sprintf("%d\n", sizeof(filter(r[2], (: $1->cloner_was_gone() :)))));
    write(file_name(this_object()) + " " + f() + " " + calls + "\n");
}
