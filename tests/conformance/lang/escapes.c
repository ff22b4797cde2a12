// String and character escapes (MudOS lex.c): \n \t \" \\ \e, octal and \x hex.
void create() {
  write(strlen("a\tb") + " " + ("a\tb")[1] + "\n");
  write('\n' + " " + '\t' + " " + '\\' + " " + '\'' + " " + 'a' + "\n");
  write("\x41\102C" + "\n");
  write("say \"hi\"\n");
  write("\e"[0] + " " + '\e' + " " + '\a' + " " + "\r"[0] + "\n");
  write("back\\slash\n");
}
