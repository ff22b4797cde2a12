int foo() { return 1; }

void create() {
    printf("%O\n", (: foo :));
}
