// Helper for say_from_inside: a listening object that says what it is told.
void catch_tell(string str) { }
void speak(string str, mixed avoid) { if (avoid) say(str, avoid); else say(str); }
void go(object where) { move_object(where); }
