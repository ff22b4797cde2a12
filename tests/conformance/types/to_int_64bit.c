// Lapis fix (COMPAT.md rule 3): Neolith truncates to a 32-bit C int.

void create() {
    write(to_int(1e10) + "\n");
    write(to_int(-1e15) + "\n");
    write(to_int("9223372036854775807") + "\n");
}
