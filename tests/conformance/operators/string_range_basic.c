void create() {
    string s = "abcde";
    write(s[1..3] + "|" + s[2..] + "|" + s[..2] + "|" + s[0..0] + "|\n");
}
