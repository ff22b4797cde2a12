// MudOS func_spec.c: load_object is find_object with the flag defaulting to 1;
// load_object(path, 0) only finds.
void create() {
    object ob = find_object("/helper");
    if (ob) destruct(ob);
    write(load_object("/helper", 0) + "\n");
    write(file_name(load_object("/helper", 1)) + "\n");
    write(file_name(load_object("/helper", 0)) + "\n");
    write(load_object("/no_such_file", 1) + "\n");
}
