// A program may define a function named like an efun; calls then reach the
// local function, and efun::name still reaches the efun.
int strlen(string s) { return 1000; }

void create() {
  write(strlen("abc") + " " + efun::strlen("abc") + "\n");
  write(efun::sizeof(({ 1, 2 })) + "\n");
}
