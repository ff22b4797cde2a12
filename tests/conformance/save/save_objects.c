// MudOS writes nothing for objects and functions; the empty text reads back as 0.

void create() {
    write("[" + save_variable(this_object()) + "]\n");
    write(save_variable(({ this_object(), 1 })) + "\n");
    write(save_variable(({ (: 1 :) })) + "\n");
}
