void create() {
    mixed *vals = ({ 1, 1.5, "s", ({ }), ([ ]), this_object(), (: 1 :) });
    int i;
    for (i = 0; i < sizeof(vals); i++)
        write(typeof(vals[i]) + ": " + intp(vals[i]) + floatp(vals[i]) + stringp(vals[i]) + arrayp(vals[i])
              + mapp(vals[i]) + objectp(vals[i]) + (functionp(vals[i]) ? 1 : 0) + "\n");
}
