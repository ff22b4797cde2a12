// Helper: fails inside an inherited function.
inherit "/fail_base";

int run(int x) { return explode_now(x); }
