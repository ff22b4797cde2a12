// Helper: a living thing.
inherit "/thing";

void create() { enable_commands(); }
