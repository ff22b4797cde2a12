string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    buffer a = allocate_buffer(2);
    buffer b = allocate_buffer(1);
    buffer c;
    a[0] = 65;
    a[1] = 300;
    b[0] = 7;
    c = a + b;
    printf("%d %d %d %d\n", sizeof(c), c[0], c[1], c[2]);
    printf("%d %d %d\n", c[<1], sizeof(c[1..]), sizeof(a));
    write(err(catch(c[4])) + "\n");
}
