// set_light (MudOS v22 f_set_light): adds to this_object()'s own light and
// returns the total light of its outermost environment: the sum over it and
// everything inside it, however deep. Moving or destructing a lit object
// changes the totals of the rooms it leaves and enters.
object room, lamp;

void create() {
    room = new("/helper_void");
    lamp = new("/light_source");
    write(set_light(0) + "\n");
    write(set_light(2) + "\n");
    move_object(room);
    lamp->go(this_object());
    write(set_light(0) + " " + lamp->level() + "\n");
    lamp->go(room);
    write(set_light(-1) + "\n");
    destruct(lamp);
    write(set_light(0) + "\n");
}
