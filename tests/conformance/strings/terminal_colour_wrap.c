void create() {
    mapping codes = ([ "B" : "*" ]);
    write(terminal_colour("the %^B%^quick%^B%^ brown fox jumps", codes, 10) + "\n");
    write(terminal_colour("one two three four", codes, 9, 2) + "\n");
    write(terminal_colour("ab\ncd", codes, -4) + "|\n");
}
