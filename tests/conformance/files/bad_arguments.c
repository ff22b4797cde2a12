// The runtime checks efun arguments against the registry signatures:
// a wrong type is "Bad argument N to name()" (first line of the error).
void try(function f) {
  string err = catch(evaluate(f));
  write((err ? explode(err, "\n")[0] : "no error") + "\n");
}

void create() {
  mixed n = 42, s = "x", a = ({ 1 });
  try((: file_size($(n)) :));
  try((: read_file($(s), $(s)) :));
  try((: read_file($(s), 1, $(s)) :));
  try((: write_file($(s), $(n)) :));
  try((: write_bytes($(s), $(s), "x") :));
  try((: write_bytes($(s), 0, $(a)) :));
  try((: get_dir($(a)) :));
  try((: cp($(s), $(n)) :));
  try((: save_object($(n)) :));
  try((: restore_object($(s), $(s)) :));
  try((: read_buffer($(n)) :));
}
