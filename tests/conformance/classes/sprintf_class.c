// %O prints a class as CLASS( n elements ... ) (MudOS sprintf.c).
class pair { mixed first; mixed second; }
class one { int only; }

void create() {
  write(sprintf("%O\n", new(class pair, first: 1, second: ({ "a" }))));
  write(sprintf("%O\n", new(class one, only: 5)));
}
