void create() {
    float f;
    string s;
    int n = sscanf("3.25 kg", "%f %s", f, s);
    printf("%d %f %s\n", n, f, s);
}
