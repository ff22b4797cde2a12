void create() {
    printf("%f %.2f %8.3f|\n", 1.5, 3.14159, -1.0);
    printf("%.1f %.1f %.0f\n", 0.25, 0.35, 2.5);
}
