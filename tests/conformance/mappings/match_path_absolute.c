void create() {
    mapping m = ([ "/": "root", "/d/": "domains", "/d/town/": "town" ]);
    write(match_path(m, "/d/town/square") + "\n");
    write(match_path(m, "/d/forest/tree") + "\n");
    write(match_path(m, "/w/me") + "\n");
    write(undefinedp(match_path(([ "/d/to": 1 ]), "/d/town")) + "\n");
}
