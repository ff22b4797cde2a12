// int is 64-bit two's complement: literals up to 2^63-1, wrap-around,
// arithmetic right shift, hex literals.
void create() {
  int max = 9223372036854775807;
  int min = -9223372036854775807 - 1;
  write(max + "\n");
  write(min + "\n");
  write((max + 1 == min) + "\n");
  write((min - 1 == max) + "\n");
  write((1 << 62) + "\n");
  write((1 << 63) + "\n");
  write((-16 >> 2) + "\n");
  write(0x7fffffffffffffff + "\n");
  write(0x10 + 0xff + "\n");
  write((4294967296 * 4294967296) + "\n");
  write((3000000000 * 3) + "\n");
}
