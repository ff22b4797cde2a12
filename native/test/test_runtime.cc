// The event runtime driven directly (no Node): coalesced wake-ups from many
// producers, and a TCP round trip plus hang-up over loopback, each on both
// backends.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "producer-group.h"
#include "runtime.h"
#include "test.h"

namespace {
using lapis::Backend;
using lapis::Completion;
using lapis::CompletionKind;
using Clock = std::chrono::steady_clock;

std::unique_ptr<lapis::Runtime> make(Backend b, size_t capacity = 1 << 12) {
  lapis::RuntimeOptions o;
  o.backend = b;
  o.queue_capacity = capacity;
  std::string err;
  auto rt = lapis::Runtime::create(o, &err);
  if (!rt) std::fprintf(stderr, "  runtime: %s\n", err.c_str());
  return rt;
}

void coalesced_wakeups(lapis_test::Context& lapis_ctx_, Backend b, const char* name) {
  auto rt = make(b);
  CHECK(rt != nullptr);
  if (!rt) return;
  CHECK(std::strcmp(rt->backend_name(), name) == 0);
  const unsigned producers = 4;
  const uint64_t total = 200000;
  lapis::ProducerGroup group;
  lapis::ProducerPlan plan;
  plan.threads = producers;
  plan.total = total;
  plan.first_id = 100;
  group.start(*rt, plan);
  std::vector<Completion> batch(4096);
  std::vector<int64_t> last(producers, -1);
  uint64_t received = 0;
  bool in_order = true;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (received < total && Clock::now() < deadline) {
    const size_t n = rt->drain(batch.data(), batch.size(), 100);
    for (size_t i = 0; i < n; ++i) {
      const uint64_t p = batch[i].id - 100;
      if (batch[i].kind != CompletionKind::User || p >= producers || batch[i].value != last[p] + 1) in_order = false;
      else last[p] = batch[i].value;
    }
    received += n;
  }
  CHECK(group.join_for(std::chrono::seconds(10)));
  CHECK_EQ(received, total);
  CHECK(in_order);
  CHECK_EQ(group.posted(), total);
  auto s = rt->stats();
  CHECK_EQ(s.queue.enqueued, total);
  CHECK_EQ(s.queue.dequeued, total);
  // Every post that found a wake-up pending skipped the eventfd write.
  CHECK(s.wakeups > 0u);
  CHECK(s.wakeups < total / 4);
  std::printf("  %s: %llu posts, %llu wake-ups, %llu re-arms, %llu batches\n", name, (unsigned long long)total,
              (unsigned long long)s.wakeups, (unsigned long long)s.rearms, (unsigned long long)s.drains);
}

// Drains until pred() holds or 5 s pass; returns every completion seen.
template <typename Pred>
std::vector<Completion> drain_until(lapis::Runtime& rt, std::vector<Completion>& seen, Pred pred) {
  std::vector<Completion> batch(256);
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (!pred(seen) && Clock::now() < deadline) {
    const size_t n = rt.drain(batch.data(), batch.size(), 50);
    for (size_t i = 0; i < n; ++i) seen.push_back(std::move(batch[i]));
  }
  return seen;
}

int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void tcp_echo_and_hangup(lapis_test::Context& lapis_ctx_, Backend b) {
  auto rt = make(b);
  CHECK(rt != nullptr);
  if (!rt) return;
  auto l = rt->listen("127.0.0.1", 0, 16, false);
  CHECK(l.id != 0);
  CHECK(l.port > 0);
  const int client = connect_loopback(l.port);
  CHECK(client >= 0);
  if (client < 0) return;
  std::vector<Completion> seen;
  drain_until(*rt, seen, [](auto& v) { return !v.empty(); });
  CHECK(!seen.empty());
  if (seen.empty()) return;
  CHECK(seen[0].kind == CompletionKind::Accept);
  CHECK_EQ(seen[0].id, l.id);
  CHECK(seen[0].text.rfind("127.0.0.1:", 0) == 0);
  const uint64_t conn = static_cast<uint64_t>(seen[0].value);
  int nodelay = 0;
  socklen_t optlen = sizeof nodelay;
  CHECK(::getsockopt(rt->native_fd(conn), IPPROTO_TCP, TCP_NODELAY, &nodelay, &optlen) == 0);
  CHECK(nodelay != 0);  // accepted sockets have Nagle off

  CHECK(::write(client, "hello", 5) == 5);
  seen.clear();
  std::string got;
  drain_until(*rt, seen, [&](auto& v) {
    got.clear();
    for (auto& c : v) if (c.kind == CompletionKind::Data) got += c.text;
    return got.size() >= 5;
  });
  CHECK(got == "hello");
  CHECK_EQ(rt->write(conn, "world", 5), 0);  // all sent at once, nothing buffered
  char buf[16] = {0};
  CHECK(::read(client, buf, sizeof buf) == 5);
  CHECK(std::string(buf, 5) == "world");

  ::close(client);  // hang-up
  seen.clear();
  drain_until(*rt, seen, [](auto& v) { return !v.empty(); });
  CHECK_EQ(seen.size(), 1u);
  if (!seen.empty()) {
    CHECK(seen[0].kind == CompletionKind::Close);
    CHECK_EQ(seen[0].id, conn);
    CHECK_EQ(seen[0].value, 0);
  }
  CHECK_EQ(rt->write(conn, "x", 1), -EBADF);
  CHECK(rt->close(l.id));
  CHECK_EQ(rt->open_sockets(), 0u);
}
}  // namespace

LAPIS_TEST(runtime_epoll_coalesces_wakeups_and_delivers_all) {
  coalesced_wakeups(lapis_ctx_, Backend::Epoll, "epoll");
}
LAPIS_TEST(runtime_poll_coalesces_wakeups_and_delivers_all) {
  coalesced_wakeups(lapis_ctx_, Backend::Poll, "poll");
}
LAPIS_TEST(runtime_epoll_tcp_echo_and_hangup) { tcp_echo_and_hangup(lapis_ctx_, Backend::Epoll); }
LAPIS_TEST(runtime_poll_tcp_echo_and_hangup) { tcp_echo_and_hangup(lapis_ctx_, Backend::Poll); }

LAPIS_TEST(runtime_rejects_non_numeric_hosts_and_bad_env) {
  auto rt = make(Backend::Epoll);
  CHECK(rt != nullptr);
  if (!rt) return;
  auto r = rt->listen("example.org", 0, 16, false);
  CHECK_EQ(r.id, 0u);
  CHECK_EQ(r.error, EINVAL);
  lapis::Backend parsed;
  CHECK(lapis::parse_backend("poll", &parsed) && parsed == Backend::Poll);
  CHECK(!lapis::parse_backend("iocp", &parsed));
}

LAPIS_TEST(runtime_drain_timeout_returns_when_idle) {
  auto rt = make(Backend::Epoll);
  CHECK(rt != nullptr);
  if (!rt) return;
  std::vector<Completion> batch(16);
  const auto t0 = Clock::now();
  CHECK_EQ(rt->drain(batch.data(), batch.size(), 30), 0u);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  CHECK(ms >= 25);
  // A post from another thread ends a long wait early.
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Completion c;
    c.id = 7;
    rt->post(std::move(c));
  });
  const auto t1 = Clock::now();
  const size_t n = rt->drain(batch.data(), batch.size(), 5000);
  t.join();
  CHECK_EQ(n, 1u);
  CHECK(Clock::now() - t1 < std::chrono::seconds(2));
}

// consumer_waiting() is what producers about to block ask before yielding their
// CPU: true from the post that wakes the owner until the owner drains, and
// never when the hand-off is switched off.
LAPIS_TEST(runtime_consumer_waiting_tracks_the_pending_wakeup) {
  for (const bool handoff : {true, false}) {
    lapis::RuntimeOptions o;
    o.backend = Backend::Epoll;
    o.handoff_on_wake = handoff;
    std::string err;
    auto rt = lapis::Runtime::create(o, &err);
    CHECK(rt != nullptr);
    if (!rt) return;
    CHECK(!rt->consumer_waiting());
    std::thread producer([&] {
      Completion c;
      c.id = 1;
      rt->post(std::move(c));
    });
    producer.join();
    CHECK_EQ(rt->consumer_waiting(), handoff);
    std::vector<Completion> batch(4);
    CHECK_EQ(rt->drain(batch.data(), batch.size(), 0), 1u);
    CHECK(!rt->consumer_waiting());
  }
}
