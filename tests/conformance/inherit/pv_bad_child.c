// Helper for private_hidden.c: calls the parent's private function.
inherit "/pv_parent";
void create() { secret(); }
