// init() is a driver apply, so a shadow's init() runs instead of the
// object's when something living arrives.
int valid_shadow(object ob) { return 1; }

void create() {
  object room = new("/target"), c = new("/greeter");
  c->wear(room);
  new("/walker")->walk(room);
}
