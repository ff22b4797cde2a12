void create() {
    string s = "abcde";
    write(s[<2..] + "|" + s[1..<2] + "|" + s[<3..<2] + "|" + s[0..<1] + "|\n");
}
