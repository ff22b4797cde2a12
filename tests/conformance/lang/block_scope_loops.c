// while, do-while and for loops with locals, break and continue.
void create() {
  int i = 0, sum = 0;
  while (i < 10) {
    i++;
    if (i % 2) continue;
    if (i > 8) break;
    sum += i;
  }
  write(i + " " + sum + "\n");
  i = 0;
  do {
    i += 3;
  } while (i < 10);
  write(i + "\n");
  do i = 100; while (0);
  write(i + "\n");
  for (;;) { if (++i > 102) break; }
  write(i + "\n");
}
