// Outgoing connections and UDP sockets of the event runtime, driven directly
// (no Node), on both backends: connect to the runtime's own listener, a
// refused connect, and a datagram round trip between two runtime sockets.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <vector>

#include "runtime.h"
#include "test.h"

namespace {
using lapis::Backend;
using lapis::Completion;
using lapis::CompletionKind;
using Clock = std::chrono::steady_clock;

std::unique_ptr<lapis::Runtime> make(Backend b) {
  lapis::RuntimeOptions o;
  o.backend = b;
  std::string err;
  auto rt = lapis::Runtime::create(o, &err);
  if (!rt) std::fprintf(stderr, "  runtime: %s\n", err.c_str());
  return rt;
}

template <typename Pred>
void drain_until(lapis::Runtime& rt, std::vector<Completion>& seen, Pred pred) {
  std::vector<Completion> batch(64);
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (!pred(seen) && Clock::now() < deadline) {
    const size_t n = rt.drain(batch.data(), batch.size(), 50);
    for (size_t i = 0; i < n; ++i) seen.push_back(std::move(batch[i]));
  }
}

size_t count(const std::vector<Completion>& v, CompletionKind k) {
  size_t n = 0;
  for (auto& c : v) n += c.kind == k;
  return n;
}

void connect_to_own_listener(lapis_test::Context& lapis_ctx_, Backend b) {
  auto rt = make(b);
  CHECK(rt != nullptr);
  if (!rt) return;
  auto l = rt->listen("127.0.0.1", 0, 16, false);
  CHECK(l.id != 0);
  auto c = rt->connect("127.0.0.1", l.port);
  CHECK(c.id != 0);
  CHECK(rt->write(c.id, "hi", 2) == 2);  // buffered while connecting
  std::vector<Completion> seen;
  drain_until(*rt, seen, [](auto& v) {
    std::string got;
    for (auto& x : v) if (x.kind == CompletionKind::Data) got += x.text;
    return got == "hi";
  });
  CHECK_EQ(count(seen, CompletionKind::Connected), 1u);
  CHECK_EQ(count(seen, CompletionKind::Accept), 1u);
  for (auto& x : seen) {
    if (x.kind == CompletionKind::Connected) {
      CHECK_EQ(x.id, c.id);
      CHECK(x.text.rfind("127.0.0.1:", 0) == 0);
    }
  }
  CHECK(rt->close(c.id));
  CHECK(rt->close(l.id));
}

void refused_connect(lapis_test::Context& lapis_ctx_, Backend b) {
  auto rt = make(b);
  CHECK(rt != nullptr);
  if (!rt) return;
  // A port that is bound but not listening refuses connections. It stays
  // bound for the whole test: a port merely closed again could be picked as
  // the connect's own ephemeral source port, and Linux then completes a
  // self-connect (TCP simultaneous open) instead of refusing.
  const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  CHECK(holder >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK(::bind(holder, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  CHECK(::getsockname(holder, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const int port = ntohs(addr.sin_port);
  auto c = rt->connect("127.0.0.1", port);
  CHECK(c.id != 0);
  std::vector<Completion> seen;
  drain_until(*rt, seen, [](auto& v) { return !v.empty(); });
  CHECK_EQ(seen.size(), 1u);
  if (!seen.empty()) {
    CHECK(seen[0].kind == CompletionKind::Close);
    CHECK_EQ(seen[0].id, c.id);
    CHECK_EQ(seen[0].value, ECONNREFUSED);
  }
  CHECK_EQ(rt->open_sockets(), 0u);
  auto bad = rt->connect("example.org", 80);
  CHECK_EQ(bad.id, 0u);
  CHECK_EQ(bad.error, EINVAL);
  ::close(holder);
}

void datagram_round_trip(lapis_test::Context& lapis_ctx_, Backend b) {
  auto rt = make(b);
  CHECK(rt != nullptr);
  if (!rt) return;
  auto a = rt->bind_datagram("127.0.0.1", 0);
  auto c = rt->bind_datagram("127.0.0.1", 0);
  CHECK(a.id != 0 && c.id != 0);
  auto dup = rt->bind_datagram("127.0.0.1", a.port);
  CHECK_EQ(dup.id, 0u);
  CHECK_EQ(dup.error, EADDRINUSE);
  const std::string payload("x\0y", 3);
  CHECK_EQ(rt->send_to(a.id, "127.0.0.1", c.port, payload.data(), payload.size()), 0);
  std::vector<Completion> seen;
  drain_until(*rt, seen, [](auto& v) { return !v.empty(); });
  CHECK_EQ(seen.size(), 1u);
  if (!seen.empty()) {
    CHECK(seen[0].kind == CompletionKind::Datagram);
    CHECK_EQ(seen[0].id, c.id);
    CHECK(seen[0].text == "127.0.0.1:" + std::to_string(a.port) + std::string(1, '\0') + payload);
  }
  CHECK_EQ(rt->write(a.id, "x", 1), -EBADF);
  CHECK(rt->close(a.id));
  CHECK(rt->close(c.id));
  CHECK_EQ(rt->open_sockets(), 0u);
}
}  // namespace

LAPIS_TEST(runtime_epoll_connect_to_own_listener) { connect_to_own_listener(lapis_ctx_, Backend::Epoll); }
LAPIS_TEST(runtime_poll_connect_to_own_listener) { connect_to_own_listener(lapis_ctx_, Backend::Poll); }
LAPIS_TEST(runtime_epoll_refused_connect) { refused_connect(lapis_ctx_, Backend::Epoll); }
LAPIS_TEST(runtime_poll_refused_connect) { refused_connect(lapis_ctx_, Backend::Poll); }
LAPIS_TEST(runtime_epoll_datagram_round_trip) { datagram_round_trip(lapis_ctx_, Backend::Epoll); }
LAPIS_TEST(runtime_poll_datagram_round_trip) { datagram_round_trip(lapis_ctx_, Backend::Poll); }
