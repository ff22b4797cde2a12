// Shared by the inventory cases: names for a list of objects.
string names(object *obs) {
  string *out = ({});
  foreach (object o in obs) out += ({ o ? (string)o->query_name() : "0" });
  return implode(out, ",");
}

object make(string file, string name) {
  object o = new(file);
  o->set_name(name);
  return o;
}
