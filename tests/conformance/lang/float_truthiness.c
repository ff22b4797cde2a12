// Only the integer 0 is false: 0.0 is true (Neolith, COMPAT.md rule 2), as are
// empty strings, arrays and mappings.
void create() {
  write((0.0 ? "0.0 true" : "0.0 false") + "\n");
  write(("" ? "empty string true" : "empty string false") + "\n");
  write((({ }) ? "empty array true" : "empty array false") + "\n");
  write((([ ]) ? "empty mapping true" : "empty mapping false") + "\n");
  write((0 ? "0 true" : "0 false") + "\n");
  write((!0.0) + " " + (!"") + " " + (!0) + "\n");
}
