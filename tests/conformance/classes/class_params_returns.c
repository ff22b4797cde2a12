// Classes as parameter and return types, and through call_other.
class result { int ok; string msg; }

class result check(int n) {
  return new(class result, ok: n > 0, msg: n > 0 ? "positive" : "not positive");
}

void create() {
  class result r = check(5);
  write(r->ok + " " + r->msg + "\n");
  r = check(-1);
  write(r->ok + " " + r->msg + "\n");
  mixed via = this_object()->check(2);
  write(typeof(via) + "\n");
}
