#include <cstring>

#include "test.h"
#include "version.h"

LAPIS_TEST(version_is_set) { CHECK(std::strlen(lapis::native_version()) > 0); }
