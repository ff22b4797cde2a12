#pragma once

namespace lapis {
// The native runtime's version, for diagnostics.
const char* native_version();
}  // namespace lapis
