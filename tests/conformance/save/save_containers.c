void create() {
    write(save_variable(({ })) + "\n");
    write(save_variable(({ 0 })) + "\n");
    write(save_variable(({ 1, "a", ({ 2 }) })) + "\n");
    write(save_variable(([ 1: 2 ])) + "\n");
    write(save_variable(([ "k": ({ }) ])) + "\n");
}
