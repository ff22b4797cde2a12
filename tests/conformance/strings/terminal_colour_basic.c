void create() {
    mapping codes = ([ "RED" : "<r>", "RESET" : "<0>" ]);
    write(terminal_colour("%^RED%^hot%^RESET%^ and %^BLUE%^cold", codes) + "\n");
    write(terminal_colour("plain", codes) + "\n");
}
