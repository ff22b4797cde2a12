// A destructed object makes no external calls (MudOS f__call_other): once
// this_object() is destructed, call_other returns the undefined zero without
// calling anything, through ob->f() and call_other() alike.
int calls;
int f() { calls++; return 7; }

void create() {
    mixed *r = "/self_destructing"->run(this_object());
    write(sprintf("%d %d %d %d\n", r[0], undefinedp(r[1]), undefinedp(r[2]), calls));
}
