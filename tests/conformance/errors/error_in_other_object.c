// An error raised inside another object is caught by the caller's catch.
void create() {
  mixed err = catch(call_other("/helper_fails", "explode_now", "kaboom"));
  write(replace_string(err, "\n", "") + "\n");
  write(call_other("/helper_fails", "fine") + "\n");
}
