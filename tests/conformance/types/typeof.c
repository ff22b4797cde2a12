class C { int v; }

void create() {
    write(typeof(1) + "\n");
    write(typeof(1.5) + "\n");
    write(typeof("s") + "\n");
    write(typeof(({ })) + "\n");
    write(typeof(([ ])) + "\n");
    write(typeof(this_object()) + "\n");
    write(typeof((: 1 :)) + "\n");
    write(typeof(allocate_buffer(1)) + "\n");
    write(typeof(new(class C)) + "\n");
}
