void f() {
  mixed err = catch { f(); };
  int t = time_expression { f(); };
  catch { f(); };
}
