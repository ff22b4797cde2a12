// Argument errors of the inventory efuns.
void create() {
  write(catch(present(1)) + "\n");
  write(catch(all_inventory(0)) + "\n");
  write(catch(first_inventory(1)) + "\n");
  write(catch(first_inventory("/no/such/file")) + "\n");
  write(catch(move_object(0)) + "\n");
  write(catch(set_living_name(0)) + "\n");
}
