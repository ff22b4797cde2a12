// A real CR is written as backslash-CR (FluffOS fix); MudOS wrote it raw and read it back as a newline.

void create() {
    write(replace_string(save_variable("a\nb"), "\r", "<CR>") + "\n");
    write(replace_string(save_variable("a\rb"), "\r", "<CR>") + "\n");
    write((restore_variable(save_variable("x\ny\rz")) == "x\ny\rz") + "\n");
}
