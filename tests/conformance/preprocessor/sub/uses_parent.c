// Helper for include_parent_dir.c: includes a header one directory up.
#include "../inc/constants.h"
string value() { return NAME + " " + ANSWER; }
