inherit "/cr_parent";
void create() { write("child create\n"); }
