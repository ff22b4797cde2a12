#include <missing.h>
