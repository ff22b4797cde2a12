// Argument errors of the inventory efuns at run time (values typed mixed, so
// that the compiler's argument checks do not reject the calls first).
void create() {
  mixed one = 1, zero = 0;
  write(catch(present(one)) + "\n");
  write(catch(all_inventory(zero)) + "\n");
  write(catch(first_inventory(one)) + "\n");
  write(catch(first_inventory("/no/such/file")) + "\n");
  write(catch(move_object(zero)) + "\n");
  write(catch(set_living_name(zero)) + "\n");
}
