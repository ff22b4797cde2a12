inherit "/cr_parent";
void create() { ::create(); write("child create after super\n"); }
