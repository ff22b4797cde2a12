// Helper: a living object that walks into a room.
void create() { enable_commands(); }
void walk(object room) { move_object(room); }
