// Helper for undefined_function_runtime.c: no strict_types.
string fine() { return "fine"; }
void broken() { no_such_function_either(1); }
