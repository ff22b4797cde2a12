class a { int x; }
class a { string y; }
