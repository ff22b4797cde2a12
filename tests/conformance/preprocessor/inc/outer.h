#define OUTER_NAME "outer"
#include "inner.h"
