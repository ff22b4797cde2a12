// MudOS function.c call_function_pointer(): setup_fake_frame() makes the
// pointer's owner this_object() while an efun pointer runs, so a bound
// (: enable_commands :) makes its new owner the command giver, and
// (: this_object :) answers the owner.
void create() {
    object v = new("/helper_void");
    write(sprintf("%O\n", evaluate(bind((: this_object :), v))));
    evaluate(bind((: enable_commands :), v));
    write(sprintf("%O %d\n", this_player(), living(v)));
    destruct(v);
    write(sprintf("%O\n", this_player()));
    write(sprintf("%O\n", evaluate((: this_object :))));
}
