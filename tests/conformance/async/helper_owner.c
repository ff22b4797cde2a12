void start() { async_read("/callbacks.c", (: write("owner callback ran\n") :)); }
