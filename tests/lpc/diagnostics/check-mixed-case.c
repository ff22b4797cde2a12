void f(mixed x) {
  switch (x) {
    case 0: break;
    case "a": break;
    case 2: break;
  }
}
