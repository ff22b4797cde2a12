// A tavern north of the square.
inherit "/std/room";

void create() {
    set_short("The Blue Tavern");
    set_long("Low beams, a crackling hearth, and the smell of bread. The square is south.\n");
    set_exits(([ "south": "/domains/start/square" ]));
    set_items(({ "/domains/start/obj/lantern" }));
    reset();
}
