inherit "/lib/base";
inherit "/lib/base.c";
