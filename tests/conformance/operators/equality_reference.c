void create() {
    int *a = ({ 1 });
    mapping m = ([ ]);
    printf("%d %d\n", a == a, a == ({ 1 }));
    printf("%d %d\n", m == m, m == ([ ]));
    printf("%d %d %d\n", "a" == "a", 1 == "1", 0 == "");
    printf("%d\n", this_object() == this_object());
}
