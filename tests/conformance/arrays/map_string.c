int upper(int c) { return c - 32; }

void create() {
    write(map("foobar", (: $1 + 1 :)) + "\n");
    write(map("xy", (: 'c' :)) + "\n");
    write(map("abc", (: $1 == 'b' ? 0 : $1 :)) + "\n");
    write(map("ab", "upper") + "\n");
    write("[" + map("", (: $1 :)) + "]\n");
}
