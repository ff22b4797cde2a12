// Helper for set_light: an object with light 3 that moves where it is told.
void create() { set_light(3); }
void go(object where) { move_object(where); }
int level() { return set_light(0); }
