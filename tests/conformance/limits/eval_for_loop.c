void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

// Back-edges of every loop kind are charged: for, do-while and foreach over
// a growing array all stop.
void for_loop() { for (;;) ; }
void do_loop() { do { } while (1); }
void recursion_free_foreach() {
  int *a = allocate(1000);
  while (1) foreach (int x in a) ;
}
void create() {
  call_out("for_loop", 0);
  call_out("do_loop", 0);
  call_out("recursion_free_foreach", 0);
}
