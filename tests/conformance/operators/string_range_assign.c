void create() {
    string s = "abcde";
    string t;
    t = s; t[1..3] = "X"; write(t + "\n");
    t = s; t[1..1] = "你好"; write(t + "\n");
    t = s; t[0..<1] = ""; write("[" + t + "]\n");
    t = s; t[5..4] = "fg"; write(t + "\n");
    write(s + "\n");
}
