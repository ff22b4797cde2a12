class C { int v; }

void create() {
    write(intp(1) + " " + floatp(1.5) + " " + stringp("") + " " + arrayp(({ })) + " " + pointerp(({ })) + "\n");
    write(mapp(([ ])) + " " + objectp(this_object()) + " " + (functionp((: 1 :)) != 0) + " " + bufferp(allocate_buffer(0)) + " " + classp(new(class C)) + "\n");
}
