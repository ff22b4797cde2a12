// Prints a caught value with its newlines visible.
string show(mixed v) {
  if (stringp(v)) return "\"" + replace_string(v, "\n", "\\n") + "\"";
  return sprintf("%O", v);
}

// catch { block } is an expression too (MudOS grammar: catch expr_or_block):
// it runs the block and yields what catch(expr) would.
void create() {
  mixed inner;
  mixed outer = catch {
    inner = catch(throw("deep"));
    write("block ran\n");
  };
  write(show(inner) + " " + show(outer) + "\n");
  outer = catch {
    catch(throw("swallowed"));
    throw("after");
  };
  write(show(outer) + "\n");
}
