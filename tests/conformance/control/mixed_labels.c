// Helper for switch_mixed_labels.c: string and integer labels together.
int f(mixed x) {
  switch (x) {
  case "a": return 1;
  case 2: return 2;
  }
  return 0;
}
