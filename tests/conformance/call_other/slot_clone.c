// Cloned by slot_helper after it destructed itself.
int cloner_gone;
void create() { cloner_gone = !previous_object(); }
int cloner_was_gone() { return cloner_gone; }
