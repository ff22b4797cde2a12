void create() {
    mapping m = ([ 1: 2, "foo": 3, this_object(): 5 ]);
    map_delete(m, 1);
    write(undefinedp(m[1]) + " " + sizeof(m) + "\n");
    map_delete(m, ({ }));
    map_delete(m, "nope");
    write(sizeof(m) + "\n");
    map_delete(m, "foo");
    map_delete(m, this_object());
    write(sizeof(m) + "\n");
}
