void create() {
    write(member_array(2, ({ 1, 2, 3 })) + "\n");
    write(member_array("foo", ({ 1, "foo", 3 })) + "\n");
    write(member_array(4, ({ 1, 2, 3 })) + "\n");
    write(member_array(1, ({ 1, 2, 1 }), 1) + "\n");
    write(member_array(1.5, ({ 1, 1.5 })) + "\n");
    write(member_array(1, ({ 1.0 })) + "\n");
    write(member_array(({ 1 }), ({ ({ 1 }) })) + "\n");
}
