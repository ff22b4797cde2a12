int f() {
  return missing + 1;
}
// A global of this file is known from its declaration on (MudOS's parser).
int g() { return later + 1; }
int first = later;
int later = 2;
int h() { return later + first; }
