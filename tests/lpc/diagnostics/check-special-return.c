// A catch { } used as a value runs as a closure: return may not leave it.
// The statement form and functions inside the block may return.
int f() {
  catch {
    return 1;
  };
  mixed err = catch {
    return 2;
  };
  err = catch {
    function g = function() { return 3; };
  };
  return 0;
}
