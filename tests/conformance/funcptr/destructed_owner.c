// Calling a pointer whose owner was destructed is an error, and functionp()
// sets FP_OWNER_DESTED (0x20).
void create() {
  object other = clone_object("/helper_target");
  function f = other->make_pointer();
  write((functionp(f) & 0x20) + "\n");
  destruct(other);
  write((functionp(f) & 0x20) + "\n");
  mixed err = catch(evaluate(f));
  write((err ? "error" : "no error") + "\n");
}
