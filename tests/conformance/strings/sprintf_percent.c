void create() {
    printf("100%% sure, %d%%\n", 50);
}
