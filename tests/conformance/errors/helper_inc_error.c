// Helper for compile_error_in_include.c.
#include "inc_broken.h"

void create() { }
