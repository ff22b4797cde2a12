// || and && yield the deciding operand's value, not just 0/1 (MudOS F_LOR,
// F_LAND), and evaluate the right side only when needed.
int calls;
int side(int v) { calls++; return v; }

void create() {
  write(sprintf("%O %O %O %O\n", 0 || "x", 2 || "x", 2 && "y", 0 && "y"));
  write(sprintf("%O\n", ({ }) || 5));
  side(1) || side(2);
  side(0) && side(3);
  write(calls + "\n");
  write(sprintf("%O\n", !"abc"));
}
