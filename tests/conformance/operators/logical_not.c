void create() {
    printf("%d %d %d %d\n", !0, !0.0, !"", !({ }));
    printf("%d %d\n", !1, !!5);
}
