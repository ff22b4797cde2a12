void f() {
  mixed g = (: $0 :);
}
