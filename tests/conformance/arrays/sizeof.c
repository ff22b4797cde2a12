void create() {
    write(sizeof(({ 1, 2, 3 })) + "\n");
    write(sizeof(([ 1: 2, 3: 4 ])) + "\n");
    write(sizeof("foo") + "\n");
    write(sizeof("") + "\n");
    write(sizeof(6) + "\n");
    write(sizeof(1.5) + "\n");
    write(sizeof((: 1 :)) + "\n");
}
