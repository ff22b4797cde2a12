void create() {
    write((typeof(1.0) == "float") + "\n");
    write((1 / 2) + "\n");
    write((1.0 / 2) + "\n");
    write(intp(1.0) + " " + floatp(1) + "\n");
}
