void create() {
    string s = "abcde";
    string e = "";
    write(s[3..99] + "|" + s[3..1] + "|" + s[5..9] + "|" + s[9..] + "|" + s[<9..] + "|\n");
    write(e[0..0] + "|" + e[0..] + "|\n");
}
