// commands() lists an action added with a function pointer with "<function>"
// as its 4th element (MudOS v22 array.c commands()).
int act() { return 1; }

void create() {
    mixed *c;
    enable_commands();
    add_action("act", "named");
    add_action((: act :), "pointer");
    c = sort_array(commands(), (: strcmp($1[0], $2[0]) :));
    write(sprintf("%s %s %s %s\n", c[0][0], c[0][3], c[1][0], c[1][3]));
}
