void create() {
    int i, ok = 1;
    for (i = 0; i < 200; i++) {
        int r = random(10);
        if (r < 0 || r >= 10) ok = 0;
    }
    write(ok + "\n");
    write(random(0) + " " + random(-5) + " " + random(1) + "\n");
}
