#include "pp-include-depth.c"
