// The starting room.
inherit "/std/room";

void create() {
    set_short("The Lapis Square");
    set_long("A wide square paved with blue stone. A fountain murmurs in the middle.\n"
             "A tavern lies to the north; a quiet garden opens to the east.\n");
    set_ids(({ "square" }));
    set_exits(([ "north": "/domains/start/tavern", "east": "/domains/start/garden" ]));
    set_items(({ "/domains/start/obj/coin" }));
    reset();
}
