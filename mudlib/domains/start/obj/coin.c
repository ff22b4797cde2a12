inherit "/std/object";

void create() {
    set_short("a gold coin");
    set_long("A small gold coin stamped with a lapis stone.\n");
    set_ids(({ "coin", "gold coin", "gold" }));
}
