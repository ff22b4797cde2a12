// Neolith efun; Boost.JSON may spell 1.5 as 1.5E0 (its doc leaves float spelling open).

void create() {
    mapping m = ([ ]);
    write(to_json(42) + "\n");
    write(to_json(-7) + "\n");
    write(to_json(1.5) + "\n");
    write(to_json("say \"hi\"\n") + "\n");
    write(to_json(m["missing"]) + "\n");
}
