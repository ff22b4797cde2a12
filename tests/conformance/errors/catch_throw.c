// catch()/throw() values (COMPAT.md rule 2: catch(throw(0)) is "*Unspecified error").
void create() {
  mixed r;
  r = catch(throw(({ 1, 2 })));
  write(sprintf("%O\n", r));
  r = catch(throw(0));
  write(sprintf("%O\n", r));
  r = catch(1 + 1);
  write(sprintf("%O\n", r));
  catch {
    write("in block\n");
    error("block error");
    write("not reached\n");
  };
  write("after block\n");
}
