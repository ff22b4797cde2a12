// Neolith: objects and functions become null (docs/efuns/to_json.md).

void create() {
    write(to_json(({ 1, "a", ({ }), ({ 2, 3 }) })) + "\n");
    write(to_json(([ "k": ({ 1 }) ])) + "\n");
    write(to_json(([ ])) + "\n");
    write(to_json(({ this_object(), (: 1 :) })) + "\n");
}
