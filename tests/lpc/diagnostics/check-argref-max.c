void f() {
  mixed g = (: $256 :);
  mixed h = (: $1000 :);
}
