// -> on a non-class value is a runtime error with MudOS/Neolith's F_MEMBER text.
class c { int a; }

void create() {
  mixed v = 0;
  mixed err = catch(v->a);
  write(sprintf("%O\n", err ? replace_string(err, "\n", "") : 0));
}
