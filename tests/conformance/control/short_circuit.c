// && and || skip their right side; ?: evaluates only the chosen branch.
string log = "";
int t(string s) { log += s; return 1; }
int f(string s) { log += s; return 0; }

void create() {
  if (f("a") && t("b")) log += "X";
  if (t("c") || t("d")) log += "Y";
  int r = t("e") ? t("f") : t("g");
  if (!f("h") && (f("i") || t("j"))) log += "Z";
  write(log + "\n");
}
