inherit "/lib/base";
int f() {
  return secret;
}
