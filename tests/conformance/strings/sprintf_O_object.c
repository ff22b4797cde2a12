void create() {
    write(sprintf("%O", this_object()) == file_name(this_object()) ? "same\n" : "different\n");
    write(sprintf("%O", this_object())[0..0] + "\n");
}
