// OldRangeBehavior yes (Neolith, MudOS OLD_RANGE_BEHAVIOR): a negative plain
// bound of a string or buffer range counts from the end; arrays still clamp.
string bytes(buffer b) {
    string s = "";
    for (int i = 0; i < sizeof(b); i++) s += (i ? "," : "") + b[i];
    return "<" + s + ">";
}

void create() {
    string s = "abcde";
    buffer b = allocate_buffer(4);
    for (int i = 0; i < 4; i++) b[i] = i + 1;
    write(s[-3..] + "|" + s[-1..2] + "|" + s[0..-2] + "|" + s[-3..-2] + "|" + s[-99..1] + "|\n");
    write(s[<3..] + "|" + s[1..<2] + "|" + s[<99..] + "|\n");
    write(bytes(b[-2..]) + bytes(b[-1..1]) + bytes(b[0..-1]) + bytes(b[<2..]) + "\n");
    write(sprintf("%O\n", ({ 1, 2, 3 })[-1..1]));
#ifdef __OLD_RANGE_BEHAVIOR__
    write("__OLD_RANGE_BEHAVIOR__ defined\n");
#else
    write("__OLD_RANGE_BEHAVIOR__ not defined\n");
#endif
}
