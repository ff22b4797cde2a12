// Minimal test runner for the native core: each test prints PASS/FAIL lines
// that scripts/run-tests.mjs counts.
#include "test.h"

#include <cstdio>
#include <cstring>

namespace lapis_test {
std::vector<TestCase>& registry() {
  static std::vector<TestCase> cases;
  return cases;
}
}  // namespace lapis_test

int main(int argc, char** argv) {
  int failed = 0, passed = 0;
  for (auto& tc : lapis_test::registry()) {
    if (argc > 1 && std::strstr(tc.name, argv[1]) == nullptr) continue;
    lapis_test::Context ctx;
    tc.fn(ctx);
    if (ctx.failures == 0) {
      std::printf("PASS %s\n", tc.name);
      ++passed;
    } else {
      std::printf("FAIL %s\n", tc.name);
      ++failed;
    }
    std::fflush(stdout);
  }
  std::printf("native: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
