void create() {
    mapping m = ([ "foo/": 1, "bar": 2, "bazz/foo": 3, "foo/bar/bazz": 4 ]);
    write(match_path(m, "kajdfj") + "\n");
    write(match_path(m, "bar") + "\n");
    write(match_path(m, "bar/") + "\n");
    write(match_path(m, "bazz//foo") + "\n");
    write(match_path(m, "bazz/foo//") + "\n");
    write(match_path(m, "foo/bar") + "\n");
    write(match_path(m, "foo/bar/bazz") + "\n");
}
