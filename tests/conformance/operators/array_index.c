string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    int *a = ({ 10, 20, 30 });
    int i;
    printf("%d %d %d\n", a[0], a[<1], a[<3]);
    i = 3;
    write(err(catch(a[i])) + "\n");
    i = -1;
    write(err(catch(a[i])) + "\n");
    write(err(catch(a[<4])) + "\n");
}
