void create() {
    printf("[%s][%s][%s][%s]\n", trim("  a b \n"), ltrim("  a  "), rtrim("  a  "), trim("xxaxx", "x"));
}
