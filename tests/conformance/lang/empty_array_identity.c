// Every empty array is MudOS's single the_null_array, so == (which compares
// array identity) is true for two empty arrays; the testsuite relies on it
// (efuns/inherit_list.c: inherit_list(ob) == ({})). Non-empty arrays with the
// same contents are still different arrays.
void create() {
  write((({ }) == ({ })) + "\n");
  write((allocate(0) == ({ })) + "\n");
  write((inherit_list(this_object()) == ({ })) + "\n");
  write((({ 1 }) == ({ 1 })) + "\n");
}
