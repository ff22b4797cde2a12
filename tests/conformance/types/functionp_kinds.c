// Unsure: assumes an efun pointer with bound arguments reports FP_HAS_ARGUMENTS (0x10).

void create() {
    function f = (: $1 :);
    write((functionp(f) != 0) + "\n");
    write(functionp(0) + "\n");
    write(functionp("f") + "\n");
    write(((functionp((: write, "x" :)) & 0x10) != 0) + "\n");
}
