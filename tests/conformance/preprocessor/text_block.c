// @END text blocks: each line up to the terminator line, with its newline;
// quotes and backslashes are literal.
string s = @END
first line
  "quoted" \ backslash
END;

string t = @TEXT
single
TEXT
;

void create() {
  write(s);
  write(sizeof(s) + "\n");
  write(t);
}
