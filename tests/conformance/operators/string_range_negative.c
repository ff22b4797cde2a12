void create() {
    string s = "abcde";
    write(s[-2..] + "|" + s[0..-2] + "|" + s[-3..-2] + "|" + s[-99..1] + "|\n");
}
