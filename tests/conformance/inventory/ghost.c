// Helper: can hide itself.
inherit "/thing";

void hide(int flag) { set_hide(flag); }
object *inv() { return all_inventory(); }
object first() { return first_inventory(); }
void live() { enable_commands(); }
object *all_livings() { return livings(); }
