class point {
    int x;
    string y;
}

void create() {
    class point p = new(class point, x: 1, y: "two");
    printf("%O\n", p);
}
