void create() {
    write(member_array(2, ({ 1, 2, 3 })) + "\n");
    write(member_array("foo", ({ 1, "foo", 3 })) + "\n");
    write(member_array(4, ({ 1, 2, 3 })) + "\n");
    write(member_array(1, ({ 1, 2, 1 }), 1) + "\n");
    write(member_array(1.5, ({ 1, 1.5 })) + "\n");
    write(member_array(1, ({ 1.0 })) + "\n");
    write(member_array(({ 1 }), ({ ({ 1 }) })) + "\n");
    // A start past the end finds nothing. MudOS v22 and Neolith return the
    // start itself there (their loop ends with `if (i == size) i = -1`, which
    // a larger start skips): a plain bug that Lapis does not copy (COMPAT.md 3).
    write(member_array(4, ({ }), 2) + " " + member_array(0, ({ 5, 4 }), 3) + "\n");
}
