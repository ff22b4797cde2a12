// @@END array blocks: one string per line, without the newline.
string *lines = @@END
alpha
 beta
gamma delta
END;

void create() {
  write(sizeof(lines) + "\n");
  foreach (string l in lines) write("[" + l + "]\n");
}
