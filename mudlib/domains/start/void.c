// Where objects go when their environment is destructed.
inherit "/std/room";

void create() {
    set_short("The Void");
    set_long("Nothing but grey mist. Type 'north' to return to the square.\n");
    set_exits(([ "north": "/domains/start/square" ]));
}
