inherit "/lib/base";
void locked() { }
