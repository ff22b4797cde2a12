// Without strict_types an undefined function is only a forward reference: the
// file compiles, and the call fails when it runs (MudOS "Undefined function
// called: f", Neolith "undefined function: f"; the text differs, so it is not
// printed).
void log_error(string file, string msg) {
  write("log_error: " + msg);
}

void create() {
  object ob = load_object("/helper_undefined_lax");
  write(objectp(ob) + "\n");
  write(ob->fine() + "\n");
  mixed err = catch(ob->broken());
  write((err ? "call failed" : "call worked") + "\n");
}
