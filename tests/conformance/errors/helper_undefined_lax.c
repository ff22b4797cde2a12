// Helper for undefined_function_runtime.c: no strict_types, and the call sits
// in a function without a declared type (MudOS grammar.y.pre: a typed function
// sets exact_types, and then "Undefined function" is a compile error).
string fine() { return "fine"; }
broken() { no_such_function_either(1); }
