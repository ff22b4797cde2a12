// Driver status efuns (MudOS v22 efuns_main.c): ctime() is asctime's 24
// characters without the newline; allocate_buffer() makes zeroed buffers and
// refuses negative sizes; the status reports are strings; an object that never
// had a connection is neither a user nor a wizard (enable_wizard() needs one).
void create() {
    string t = ctime(86400 * 365);
    float a, b;
    buffer buf = allocate_buffer(3);

    write(sprintf("%d %d\n", strlen(t), strsrch(t, "\n")));
    write(sprintf("%d %d\n", sizeof(explode(t, " ") - ({ "" })), sizeof(explode(t, ":"))));
    write(sprintf("%d %d %d\n", sizeof(buf), buf[0], buf[2]));
    write(sizeof(allocate_buffer(0)) + "\n");
    write(catch(allocate_buffer(-1)));
    write(sprintf("%d %d %d\n", stringp(mud_status()), stringp(mud_status(1)), stringp(malloc_status())));
    write(sscanf(query_load_average(), "%f cmds/s, %f comp lines/s", a, b) + "\n");
    enable_wizard();
    write(sprintf("%d %d\n", userp(this_object()), wizardp(this_object())));
}
