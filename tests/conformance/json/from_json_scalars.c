void create() {
    mixed v = from_json("42");
    write(typeof(v) + " " + v + "\n");
    v = from_json("1.5");
    write(typeof(v) + " " + v + "\n");
    write(from_json("true") + " " + from_json("false") + "\n");
    write(undefinedp(from_json("null")) + "\n");
    write(from_json("\"a\\u00e9b\"") + "\n");
}
