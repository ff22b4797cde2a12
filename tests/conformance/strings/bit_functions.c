void create() {
    string bits = set_bit(set_bit("", 3), 10);
    printf("[%s] %d %d %d\n", bits, test_bit(bits, 3), test_bit(bits, 4), test_bit(bits, 500));
    printf("%d %d %d\n", next_bit(bits, -1), next_bit(bits, 3), next_bit(bits, 10));
    bits = clear_bit(bits, 3);
    printf("[%s] %d\n", bits, test_bit(bits, 3));
}
