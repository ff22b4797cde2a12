// Included by the cases (not a case itself): removes a scratch file or
// directory tree, so that a run aborted half-way can't change the next one.
void clean(string path) {
  mixed *entries;
  if (file_size(path) == -1) return;
  if (file_size(path) != -2) {
    rm(path);
    return;
  }
  entries = get_dir(path + "/");
  if (entries) foreach (string name in entries) clean(path + "/" + name);
  rmdir(path);
}
