inherit "/std/object";

void create() {
    set_short("a brass lantern");
    set_long("An old brass lantern. It is not lit.\n");
    set_ids(({ "lantern", "brass lantern" }));
}
