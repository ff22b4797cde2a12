void create() {
    mixed v = restore_variable("1.2");
    write(typeof(v) + " " + v + "\n");
    write(restore_variable("-7") + "\n");
    write(restore_variable("\"x\\\"y\"") + "\n");
    write(restore_variable("") + " " + restore_variable("abc") + "\n");
}
