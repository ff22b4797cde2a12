// foreach loops over many thousands of elements (codegen runs an innermost
// foreach in chunks, as it does for and while loops): return, break and
// continue in any iteration, key/value pairs of a large mapping, a global
// and an outer local as the loop variable, 64-bit sums carried across, a
// collection changed inside the loop (the loop keeps iterating what it
// started with), and a string.
int g;

int find(int *a, int want) {
  foreach (int x in a) if (x == want) return x * 2;
  return -1;
}

string pairs(mapping m) {
  int keys, sum, skipped;
  foreach (string k, int v in m) {
    if (v % 1000 == 7) {
      skipped++;
      continue;
    }
    keys += strlen(k) > 0;
    sum += v;
  }
  return keys + " " + sum + " " + skipped;
}

int global_var(int *a) {
  int s;
  foreach (g in a) {
    if (g > 11000) break;
    s += g;
  }
  return s;
}

int outer_local(int *a) {
  int last = -5;
  foreach (last in a) if (last == 9999) break;
  return last;
}

void create() {
  int *a = allocate(14000), i, big;
  mapping m = ([ ]);
  string s = "";
  for (i = 0; i < 14000; i++) a[i] = i;
  for (i = 0; i < 12000; i++) m["k" + i] = i;
  write(find(a, 10) + " " + find(a, 13999) + " " + find(a, 123456) + "\n");
  write(pairs(m) + "\n");
  write(global_var(a) + " " + g + "\n");
  write(outer_local(a) + " " + outer_local(({ 1, 2 })) + "\n");
  foreach (int x in a) big += x * 1000000000;
  write(big + "\n");
  i = 0;
  foreach (int x in a) {
    if (x == 0) a = ({ });
    i++;
  }
  write(i + " " + sizeof(a) + "\n");
  for (i = 0; i < 9000; i++) s += "ab";
  i = 0;
  foreach (int c in s) i += c;
  write(i + "\n");
}
