// origin() and call_stack() (MudOS v22 efuns_main.c): how each frame was
// entered, spelled as MudOS origin_name() spells it, innermost first.
void show(string what) { write(what + ": " + origin() + "\n"); }
string lfun() { return origin(); }
void co() { write("call_out: " + origin() + "\n"); }
int ef(int x) { write("efun: " + origin() + "\n"); return 1; }

string *inner(int n) { return call_stack(n); }
mixed outer(int n) { return inner(n); }

void create() {
    write("create: " + origin() + "\n");
    this_object()->show("call_other");
    write("local: " + lfun() + "\n");
    filter(({ 1 }), "ef");
    write("pointer: " + evaluate((: origin :)) + "\n");
    write("functional: " + evaluate((: origin() :)) + "\n");
    call_out("co", 0);
    write(implode(this_object()->outer(2), ",") + "\n");
    write(implode(this_object()->outer(3), ",") + "\n");
    write(sprintf("%O\n", this_object()->outer(0)[0..1]));
    write((this_object()->outer(1)[0] == this_object()) + "\n");
    write(catch(call_stack(4)));
}
