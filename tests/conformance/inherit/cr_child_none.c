inherit "/cr_parent";
