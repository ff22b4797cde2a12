int double_it(int x) { return x * 2; }
