#pragma once
// A tiny self-registering test framework (libuv's test/task.h idea): CHECK
// prints both the expression and where it failed, and the test goes on.
#include <cstdio>
#include <functional>
#include <vector>

namespace lapis_test {
struct Context {
  int failures = 0;
};
struct TestCase {
  const char* name;
  std::function<void(Context&)> fn;
};
std::vector<TestCase>& registry();
struct Registrar {
  Registrar(const char* name, std::function<void(Context&)> fn) { registry().push_back({name, std::move(fn)}); }
};
}  // namespace lapis_test

#define LAPIS_TEST(name)                                                         \
  static void name(lapis_test::Context& lapis_ctx_);                             \
  static lapis_test::Registrar name##_registrar(#name, name);                    \
  static void name(lapis_test::Context& lapis_ctx_)

#define CHECK(expr)                                                              \
  do {                                                                           \
    if (!(expr)) {                                                               \
      std::fprintf(stderr, "  check failed: %s at %s:%d\n", #expr, __FILE__, __LINE__); \
      ++lapis_ctx_.failures;                                                     \
    }                                                                            \
  } while (0)

#define CHECK_EQ(a, b)                                                           \
  do {                                                                           \
    auto va_ = (a);                                                              \
    auto vb_ = (b);                                                              \
    if (!(va_ == vb_)) {                                                         \
      std::fprintf(stderr, "  check failed: %s == %s (%lld vs %lld) at %s:%d\n", #a, #b, \
                   (long long)va_, (long long)vb_, __FILE__, __LINE__);          \
      ++lapis_ctx_.failures;                                                     \
    }                                                                            \
  } while (0)
