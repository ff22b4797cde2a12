string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    int zero = 0;
    mixed x = 5;
    float fz = 0.0;
    write(err(catch(x = 1 / zero)) + "\n");
    write(err(catch(x = 1 % zero)) + "\n");
    write(err(catch(x = 1.5 / zero)) + "\n");
    write(err(catch(x = 1.5 / fz)) + "\n");
    write(err(catch(x = 1 / fz)) + "\n");
    x = 5;
    write(err(catch(x /= zero)) + "\n");
    write(err(catch(x %= zero)) + "\n");
    printf("%d\n", x);
}
