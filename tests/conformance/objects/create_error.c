// An error in create() propagates to the loader, but the object stays
// loaded (it entered the object table before create(), as in MudOS).
void create() {
  write(catch(load_object("/broken")) + "\n");
  write(sprintf("%O\n", find_object("/broken")));
  write(catch(new("/broken")) + "\n");
  write(sizeof(children("/broken")) + "\n");
}
