// shadow() refusals: the master's valid_shadow() says no (0 is returned);
// errors for shadowing oneself, a nomask function, or shadowing twice.
int allow;
int valid_shadow(object ob) { return allow; }

void create() {
  object t = new("/target"), t2 = new("/target"), c = new("/cloak"), s = new("/sealer");
  write(sprintf("%O\n", c->wear(t)));
  write(t->name() + "\n");
  allow = 1;
  write(catch(shadow(this_object(), 1)) + "\n");
  write(catch(s->wear(t)) + "\n");
  c->wear(t);
  write(catch(c->wear(t2)) + "\n");
  write(catch(new("/mask")->wear(c)) + "\n");
}
