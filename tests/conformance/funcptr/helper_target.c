// Helper for the funcptr cases.
string echo(string s) { return "echo " + s; }
string name() { return "helper_target"; }
function make_pointer() { return (: name :); }
mixed run(function f) { return evaluate(f); }
