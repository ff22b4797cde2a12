// A garden east of the square.
inherit "/std/room";

void create() {
    set_short("A Quiet Garden");
    set_long("Hedges and lavender surround a stone bench. The square lies west.\n");
    set_exits(([ "west": "/domains/start/square" ]));
    reset();
}
