void create() {
    mapping m = ([ 1: "int", 1.0: "float", "1": "string" ]);
    mixed *a = ({ 1 });
    write(sizeof(m) + "\n");
    write(m[1] + " " + m[1.0] + " " + m["1"] + "\n");
    m[a] = "array";
    write(m[a] + " " + undefinedp(m[({ 1 })]) + "\n");
}
