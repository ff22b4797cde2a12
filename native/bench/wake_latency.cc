// Wake-up latency below Node: what the machine itself allows. bench/runtime
// prints these beside the post-to-JavaScript figure so that a run can tell
// how much of the latency is Lapis's and how much the kernel's (on a VM, the
// hypervisor's) — see docs/native-runtime.md.
//
//   lapis_wake_latency eventfd [interval_us] [samples]
//       two bare threads: the producer sleeps, stamps the time, writes an
//       eventfd and yields (the runtime's hand-off); the consumer waits in
//       epoll_wait and reads the eventfd. No queue, no Lapis: the floor.
//   lapis_wake_latency runtime [interval_us] [samples]
//       lapis::Runtime with a paced ProducerGroup (exactly the producer of
//       the JavaScript case), the owner thread blocking in drain(): the
//       runtime's own path, without Node's loop and the JavaScript handler.
//
// Prints one JSON line {"us":[...]} with the post-to-receipt times in
// microseconds, the first tenth (warm-up) left out.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "producer-group.h"
#include "runtime.h"

namespace {

std::vector<double> bare_eventfd(uint64_t interval_ns, int samples) {
  const int efd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  const int ep = ::epoll_create1(EPOLL_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = efd;
  ::epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev);
  std::atomic<uint64_t> posted{0};
  std::thread producer([&] {
    for (int i = 0; i < samples; ++i) {
      timespec pause{static_cast<time_t>(interval_ns / 1000000000ull), static_cast<long>(interval_ns % 1000000000ull)};
      ::nanosleep(&pause, nullptr);
      posted.store(lapis::monotonic_ns(), std::memory_order_release);
      const uint64_t one = 1;
      if (::write(efd, &one, sizeof one) < 0) std::perror("write");
      ::sched_yield();
    }
  });
  std::vector<double> us;
  us.reserve(samples);
  // Two posts can meet in one read (the counter then says 2) when the consumer
  // falls behind, so the loop counts posts, not wake-ups; each wake-up gives
  // one sample, timed from the latest post.
  uint64_t received = 0;
  while (received < static_cast<uint64_t>(samples)) {
    epoll_event out;
    if (::epoll_wait(ep, &out, 1, -1) <= 0) continue;
    const uint64_t now = lapis::monotonic_ns();
    uint64_t count;
    if (::read(efd, &count, sizeof count) < 0) continue;
    received += count;
    // A consumer stalled past the next post sees that post's (later) stamp: no sample.
    const uint64_t stamp = posted.load(std::memory_order_acquire);
    if (stamp <= now) us.push_back(static_cast<double>(now - stamp) / 1000.0);
  }
  producer.join();
  ::close(ep);
  ::close(efd);
  return us;
}

std::vector<double> runtime_path(uint64_t interval_ns, int samples) {
  std::string error;
  auto rt = lapis::Runtime::create(lapis::RuntimeOptions{}, &error);
  if (!rt) {
    std::fprintf(stderr, "lapis_wake_latency: %s\n", error.c_str());
    std::exit(1);
  }
  lapis::ProducerGroup producers;
  lapis::ProducerPlan plan;
  plan.total = static_cast<uint64_t>(samples);
  plan.interval_ns = interval_ns;
  producers.start(*rt, plan);
  std::vector<double> us;
  us.reserve(samples);
  lapis::Completion batch[64];
  // The producers retry refused posts, so exactly `samples` arrive; the drain
  // timeout only bounds each wait.
  while (static_cast<int>(us.size()) < samples) {
    const std::size_t n = rt->drain(batch, 64, 1000);
    const uint64_t now = lapis::monotonic_ns();
    for (std::size_t i = 0; i < n; ++i) {
      if (batch[i].kind == lapis::CompletionKind::User) {
        us.push_back(static_cast<double>(now - static_cast<uint64_t>(batch[i].value)) / 1000.0);
      }
    }
  }
  producers.stop();
  return us;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  const uint64_t interval_us = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 500;
  const int samples = argc > 3 ? std::atoi(argv[3]) : 2000;
  if ((mode != "eventfd" && mode != "runtime") || interval_us == 0 || samples < 10) {
    std::fprintf(stderr, "usage: lapis_wake_latency eventfd|runtime [interval_us > 0] [samples >= 10]\n");
    return 2;
  }
  const std::vector<double> us =
      mode == "eventfd" ? bare_eventfd(interval_us * 1000, samples) : runtime_path(interval_us * 1000, samples);
  std::printf("{\"us\":[");
  for (std::size_t i = us.size() / 10; i < us.size(); ++i) std::printf(i == us.size() / 10 ? "%.3f" : ",%.3f", us[i]);
  std::printf("]}\n");
  return 0;
}
