// Version string of the native runtime; the binding reports it so the driver
// can tell which addon it loaded.
#include "version.h"

namespace lapis {
const char* native_version() { return "0.1.0"; }
}  // namespace lapis
