// error_handler(mapping, caught): "error", "program" (where the error
// happened, an inherited file here), "object", "line", and one "trace"
// entry per frame with function/program/object/file/line.
object f;

void error_handler(mapping err, int caught) {
  write(sprintf("caught=%d %s", caught, err["error"]));
  write(sprintf("program=%s object=%d line=%d\n", err["program"], err["object"] == f, err["line"]));
  foreach (mapping fr in err["trace"])
    write(sprintf("  %s %s %s:%d %d\n", fr["function"], fr["program"], fr["file"], fr["line"],
      fr["object"] == f ? 1 : fr["object"] == this_object() ? 2 : 0));
}

void create() {
  f = new("/failing");
  catch(f->run(0));
  f->run(0);
}
