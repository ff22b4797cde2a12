// Worker life cycle: stop requests wake a sleeping body at once, and
// join_for() gives up on a body that does not finish in time.
#include <atomic>
#include <chrono>
#include <thread>

#include "test.h"
#include "worker.h"

using Clock = std::chrono::steady_clock;

LAPIS_TEST(worker_stop_wakes_a_sleeping_body) {
  lapis::Worker w;
  std::atomic<bool> saw_stop{false};
  CHECK(w.start([&](lapis::Worker& self) { saw_stop = self.wait_for(std::chrono::seconds(30)); }));
  CHECK(!w.start([](lapis::Worker&) {}));  // already started
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(w.running());
  const auto t0 = Clock::now();
  w.request_stop();
  CHECK(w.join_for(std::chrono::seconds(5)));
  CHECK(Clock::now() - t0 < std::chrono::seconds(1));
  CHECK(saw_stop.load());
  CHECK(!w.running());
}

LAPIS_TEST(worker_join_times_out_on_a_stubborn_body) {
  lapis::Worker w;
  std::atomic<bool> release{false};
  w.start([&](lapis::Worker&) {
    // Ignores stop requests until released.
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  });
  w.request_stop();
  const auto t0 = Clock::now();
  CHECK(!w.join_for(std::chrono::milliseconds(60)));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  CHECK(ms >= 55);
  CHECK(w.running());
  release = true;
  CHECK(w.join_for(std::chrono::seconds(5)));
  CHECK(!w.running());
}

LAPIS_TEST(worker_body_sees_stop_flag) {
  lapis::Worker w;
  std::atomic<uint64_t> spins{0};
  w.start([&](lapis::Worker& self) {
    while (!self.stop_requested()) {
      ++spins;
      self.wait_for(std::chrono::milliseconds(1));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  w.request_stop();
  CHECK(w.join_for(std::chrono::seconds(5)));
  CHECK(spins.load() > 0u);
}
