int counter;
inherit "/lib/other";
