void f(string x) {
  switch (x) {
    case "a".."m": break;
  }
}
