int f() {
  return missing + 1;
}
