// Macros are not expanded inside string or character literals, nor as parts
// of longer identifiers.
#define X 99
#define NAME "macro"

int XX = 5;

void create() {
  write("X NAME\n");
  write(XX + " " + X + "\n");
  write(sprintf("%c\n", 'X'));
}
