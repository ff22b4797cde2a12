// a##b pastes two tokens into one identifier (COMPAT.md rule 4).
#define VAR(n) var_##n
#define GETTER(n) int get_##n() { return n; }
#define GLUE(a, b) a##b

int var_1 = 10;
int var_2 = 20;
int speed = 7;

GETTER(speed)

void create() {
  write(VAR(1) + VAR(2) + "\n");
  write(get_speed() + "\n");
  write(GLUE(12, 34) + 1 + "\n");
}
