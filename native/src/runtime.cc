#include "runtime.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "poller.h"

namespace lapis {

using detail::kPollErr;
using detail::kPollHup;
using detail::kPollIn;
using detail::kPollOut;

struct Runtime::Socket {
  uint64_t id = 0;
  int fd = -1;
  bool listener = false;
  uint32_t interest = 0;
  std::string out;          // buffered output; bytes before out_offset are sent
  std::size_t out_offset = 0;
  bool need_writable = false;  // the buffer reached the low-water mark
  bool closing = false;        // close() was called; close once flushed
  bool connecting = false;     // an outgoing connect() still under way
  bool datagram = false;       // a UDP socket (bind_datagram)

  std::size_t buffered() const { return out.size() - out_offset; }
};

namespace {

// Reads per readiness event, so one busy peer cannot starve the others.
constexpr int kReadsPerEvent = 4;
// Accepts per readiness event, likewise.
constexpr int kAcceptsPerEvent = 64;
constexpr int kEventsPerPoll = 256;

bool set_nonblocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) return false;
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  return true;
}

// "1.2.3.4:5" or "[::1]:5"; IPv4-mapped IPv6 peers print as IPv4, which is
// what a mudlib comparing query_ip_number() strings expects.
std::string format_peer(const sockaddr_storage& ss) {
  char host[INET6_ADDRSTRLEN] = "?";
  int port = 0;
  if (ss.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(ss);
    ::inet_ntop(AF_INET, &a.sin_addr, host, sizeof host);
    port = ntohs(a.sin_port);
    return std::string(host) + ":" + std::to_string(port);
  }
  const auto& a6 = reinterpret_cast<const sockaddr_in6&>(ss);
  port = ntohs(a6.sin6_port);
  if (IN6_IS_ADDR_V4MAPPED(&a6.sin6_addr)) {
    ::inet_ntop(AF_INET, reinterpret_cast<const uint8_t*>(&a6.sin6_addr) + 12, host, sizeof host);
    return std::string(host) + ":" + std::to_string(port);
  }
  ::inet_ntop(AF_INET6, &a6.sin6_addr, host, sizeof host);
  return "[" + std::string(host) + "]:" + std::to_string(port);
}

// A numeric IPv4/IPv6 address ("localhost" = 127.0.0.1, "[::1]" accepted)
// and port as a socket address; false for anything else (names are never
// resolved on the owner thread).
bool numeric_address(const std::string& host_in, int port, sockaddr_storage* ss, socklen_t* len) {
  std::string host = host_in;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  *ss = sockaddr_storage{};
  auto& a4 = reinterpret_cast<sockaddr_in&>(*ss);
  auto& a6 = reinterpret_cast<sockaddr_in6&>(*ss);
  if (::inet_pton(AF_INET, host.c_str(), &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons(static_cast<uint16_t>(port));
    *len = sizeof a4;
    return true;
  }
  if (::inet_pton(AF_INET6, host.c_str(), &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons(static_cast<uint16_t>(port));
    *len = sizeof a6;
    return true;
  }
  return false;
}

// The port a bound socket got (the one asked for, or the kernel's pick for 0).
int local_port(int fd) {
  sockaddr_storage bound{};
  socklen_t blen = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &blen);
  return bound.ss_family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in&>(bound).sin_port)
                                    : ntohs(reinterpret_cast<sockaddr_in6&>(bound).sin6_port);
}

// Marks a socket call's result (ListenResult or ConnectResult) failed: the
// errno and "what: strerror(errno)".
template <typename Result>
Result failed(Result& r, int err, const std::string& what) {
  r.error = err;
  r.message = what + ": " + std::strerror(err);
  return r;
}

// A set-up step on a new socket failed with err: closes fd and records the
// failure. Callers read errno into err before close() can change it.
template <class Result>
Result close_failed(Result& r, int fd, int err, const std::string& what) {
  ::close(fd);
  return failed(r, err, what);
}

// "bind <host> port <n>" for error messages; an empty host means every interface.
std::string bind_target(const std::string& host, int port) {
  return "bind " + (host.empty() ? std::string("*") : host) + " port " + std::to_string(port);
}

std::unique_ptr<detail::Poller> make_poller(Backend backend, std::string* error) {
  if (backend == Backend::Auto) {
    backend = Backend::Epoll;
    if (const char* env = std::getenv("LAPIS_POLLER")) {
      if (!parse_backend(env, &backend) || backend == Backend::Auto) {
        if (std::strcmp(env, "auto") != 0 && std::strcmp(env, "") != 0) {
          if (error) *error = std::string("LAPIS_POLLER must be epoll, poll or auto, not '") + env + "'";
          return nullptr;
        }
        backend = Backend::Epoll;
      }
    }
#if !defined(__linux__)
    if (backend == Backend::Epoll) backend = Backend::Poll;
#endif
  }
  return backend == Backend::Poll ? detail::make_poll_poller(error) : detail::make_epoll_poller(error);
}

}  // namespace

bool parse_backend(const std::string& name, Backend* out) {
  if (name == "epoll") *out = Backend::Epoll;
  else if (name == "poll") *out = Backend::Poll;
  else if (name == "auto") *out = Backend::Auto;
  else return false;
  return true;
}

std::unique_ptr<Runtime> Runtime::create(const RuntimeOptions& options, std::string* error) {
  auto poller = make_poller(options.backend, error);
  if (!poller) return nullptr;
  return std::unique_ptr<Runtime>(new Runtime(options, std::move(poller)));
}

Runtime::Runtime(const RuntimeOptions& options, std::unique_ptr<detail::Poller> poller)
    : options_(options),
      poller_(std::move(poller)),
      queue_(options.queue_capacity, options.overflow, options.block_timeout),
      events_(kEventsPerPoll),
      read_buffer_(options.read_chunk > 0 ? options.read_chunk : 64 * 1024) {}

Runtime::~Runtime() {
  for (auto& entry : sockets_) {
    poller_->remove(entry.second->fd);
    ::close(entry.second->fd);
  }
}

const char* Runtime::backend_name() const { return poller_->name(); }
int Runtime::watch_fd() const { return poller_->watch_fd(); }

bool Runtime::post(Completion&& completion) {
  if (!queue_.enqueue(std::move(completion))) return false;
  after_post();
  return true;
}

bool Runtime::post_nowait(Completion&& completion) {
  if (!queue_.enqueue(std::move(completion), /*may_block=*/false)) return false;
  after_post();
  return true;
}

void Runtime::after_post() {
  // Pairs with the fence in drain(): either this load sees the owner's reset of
  // wake_pending_, or the owner's dequeue sees our value. The plain load first
  // keeps producers off the flag's cache line while a wake-up is pending.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (!wake_pending_.load(std::memory_order_relaxed)) signal_wake(wakeups_);
}

void Runtime::signal_wake(std::atomic<uint64_t>& counter) {
  if (wake_pending_.exchange(true, std::memory_order_acq_rel)) return;
  counter.fetch_add(1, std::memory_order_relaxed);
  poller_->wake();
}

// Order matters. The poller's wait consumes any pending wake-up first; only
// then is the flag reset, so a wake-up can never be consumed while the flag
// still says one is pending (that would strand a backlog). A post racing with
// a drain either finds the flag reset and signals again, or is seen by the
// dequeue that follows (the fence pairs with the one in after_post()). While
// a wake-up is pending (flag set) its signal is readable, so the wait cannot
// block on a backlog.
void Runtime::begin_drain(int timeout_ms) {
  const bool idle = local_.empty() && queue_.empty_approx();
  draining_ = true;
  poll_io(idle ? timeout_ms : 0);
  draining_ = false;
  wake_pending_.store(false, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_seq_cst);
}

// If anything is left (the batch was capped) the runtime signals itself, so
// an embedding loop comes back for it after its other work.
void Runtime::end_drain(std::size_t delivered) {
  if (delivered > 0) ++drains_;
  if (!local_.empty() || !queue_.empty_approx()) signal_wake(rearms_);
}

std::size_t Runtime::drain(Completion* out, std::size_t max, int timeout_ms) {
  std::size_t i = 0;
  return drain_each(max, timeout_ms, [out, &i](Completion& c) { out[i++] = std::move(c); });
}

int Runtime::native_fd(uint64_t id) const {
  auto it = sockets_.find(id);
  return it == sockets_.end() ? -1 : it->second->fd;
}

bool Runtime::has_pending() const { return !local_.empty() || !queue_.empty_approx(); }

void Runtime::poll_io(int timeout_ms) {
  if (sockets_.empty() && timeout_ms == 0) {
    // Nothing to poll but the wake-up itself: the latency-critical path of
    // worker completions when no socket is open.
    poller_->clear_wake();
    return;
  }
  const int n = poller_->wait(events_.data(), static_cast<int>(events_.size()), timeout_ms);
  for (int i = 0; i < n; ++i) handle_event(events_[i]);
}

void Runtime::handle_event(const detail::PollEvent& ev) {
  auto it = by_fd_.find(ev.fd);
  if (it == by_fd_.end()) return;  // closed earlier in this round
  Socket& s = *it->second;
  if (s.listener) {
    accept_ready(s);
    return;
  }
  if (s.datagram) {
    if (ev.bits & kPollIn) datagram_ready(s);
    return;
  }
  if (s.connecting) {
    // Writability (or an error) ends a non-blocking connect.
    if (ev.bits & (kPollOut | kPollErr | kPollHup)) connect_ready(s);
    return;
  }
  // Read first even on a hang-up: the peer's last bytes arrive before Close.
  if (ev.bits & (kPollIn | kPollHup | kPollErr)) {
    read_ready(s);
    if (by_fd_.find(ev.fd) == by_fd_.end()) return;
  }
  if (ev.bits & kPollOut) flush(s);
}

void Runtime::accept_ready(Socket& listener) {
  for (int i = 0; i < kAcceptsPerEvent; ++i) {
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
#if defined(__linux__)
    const int fd = ::accept4(listener.fd, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
    int fd = ::accept(listener.fd, reinterpret_cast<sockaddr*>(&peer), &len);
    if (fd >= 0 && !set_nonblocking(fd)) {
      ::close(fd);
      continue;
    }
#endif
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // EAGAIN, or out of descriptors: try again on the next readiness
    }
    // Interactive traffic is many small writes; Nagle would delay each echo.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    Socket* s = watch(fd, kPollIn);
    if (s == nullptr) {
      ::close(fd);
      continue;
    }
    emit(CompletionKind::Accept, listener.id, static_cast<int64_t>(s->id), format_peer(peer));
  }
}

// Registers a new descriptor with the poller and the socket tables: every
// socket the runtime owns (accepted, connecting, listening, datagram) enters
// through here. Returns nullptr, with errno set and nothing registered, when
// the poller refuses the descriptor; the caller still owns and closes it.
Runtime::Socket* Runtime::watch(int fd, uint32_t interest) {
  if (!poller_->add(fd, interest)) return nullptr;
  auto owned = std::make_unique<Socket>();
  Socket* s = owned.get();
  s->id = next_id_++;
  s->fd = fd;
  s->interest = interest;
  by_fd_[fd] = s;
  sockets_[s->id] = std::move(owned);
  return s;
}

void Runtime::connect_ready(Socket& s) {
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
  if (err != 0) {
    finish_close(s, err, true);  // refused, unreachable, timed out
    return;
  }
  s.connecting = false;
  sockaddr_storage local{};
  socklen_t llen = sizeof local;
  ::getsockname(s.fd, reinterpret_cast<sockaddr*>(&local), &llen);
  emit(CompletionKind::Connected, s.id, 0, format_peer(local));
  // Sends what was written while connecting (and closes if asked to).
  flush(s);
}

void Runtime::datagram_ready(Socket& s) {
  for (int i = 0; i < kReadsPerEvent; ++i) {
    sockaddr_storage from{};
    socklen_t flen = sizeof from;
    const ssize_t n = ::recvfrom(s.fd, read_buffer_.data(), read_buffer_.size(), 0, reinterpret_cast<sockaddr*>(&from), &flen);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // EAGAIN, or an ICMP error of an earlier send (ignored, as MudOS does)
    }
    bytes_read_ += static_cast<uint64_t>(n);
    std::string text = format_peer(from);
    text.push_back('\0');
    text.append(read_buffer_.data(), static_cast<std::size_t>(n));
    emit(CompletionKind::Datagram, s.id, 0, std::move(text));
  }
}

void Runtime::read_ready(Socket& s) {
  for (int i = 0; i < kReadsPerEvent; ++i) {
    const ssize_t n = ::read(s.fd, read_buffer_.data(), read_buffer_.size());
    if (n > 0) {
      bytes_read_ += static_cast<uint64_t>(n);
      // Bytes that arrive after close() was called are dropped, as a closed
      // socket would.
      if (!s.closing) emit(CompletionKind::Data, s.id, 0, std::string(read_buffer_.data(), static_cast<std::size_t>(n)));
      if (static_cast<std::size_t>(n) < read_buffer_.size()) return;
      continue;
    }
    if (n == 0) {
      finish_close(s, 0, true);  // orderly hang-up by the peer
      return;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return;
    finish_close(s, errno, true);
    return;
  }
}

void Runtime::flush(Socket& s) {
  if (s.connecting) {
    // Nothing can be sent before the connection is up; close() while
    // connecting with nothing buffered ends it at once.
    if (s.closing && s.buffered() == 0) finish_close(s, 0, true);
    return;
  }
  while (s.buffered() > 0) {
    const ssize_t n = ::send(s.fd, s.out.data() + s.out_offset, s.buffered(), MSG_NOSIGNAL);
    if (n > 0) {
      s.out_offset += static_cast<std::size_t>(n);
      bytes_written_ += static_cast<uint64_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    finish_close(s, n < 0 ? errno : EPIPE, true);
    return;
  }
  if (s.buffered() == 0) {
    s.out.clear();
    s.out_offset = 0;
  } else if (s.out_offset > (1u << 20) && s.out_offset * 2 > s.out.size()) {
    // Drop the sent prefix once it dominates, so a long-lived slow reader
    // does not keep every byte ever written.
    s.out.erase(0, s.out_offset);
    s.out_offset = 0;
  }
  if (s.closing && s.buffered() == 0) {
    finish_close(s, 0, true);
    return;
  }
  set_interest(s, (s.closing ? 0u : uint32_t{kPollIn}) | (s.buffered() > 0 ? uint32_t{kPollOut} : 0u));
  if (s.need_writable && s.buffered() < options_.write_low_water) {
    s.need_writable = false;
    emit(CompletionKind::Writable, s.id, 0);
  }
}

void Runtime::set_interest(Socket& s, uint32_t interest) {
  if (interest == s.interest) return;
  s.interest = interest;
  poller_->modify(s.fd, interest);
}

int64_t Runtime::write(uint64_t conn, const char* data, std::size_t len) {
  auto it = sockets_.find(conn);
  if (it == sockets_.end() || it->second->listener || it->second->datagram) return -EBADF;
  Socket& s = *it->second;
  if (s.closing) return -EPIPE;
  s.out.append(data, len);
  if (s.buffered() >= options_.write_low_water) s.need_writable = true;
  flush(s);
  // flush() may have closed the socket (peer gone); report it as an error.
  if (sockets_.find(conn) == sockets_.end()) return -EPIPE;
  return static_cast<int64_t>(s.buffered());
}

bool Runtime::close(uint64_t id) {
  auto it = sockets_.find(id);
  if (it == sockets_.end()) return false;
  Socket& s = *it->second;
  if (s.listener || s.datagram) {
    finish_close(s, 0, false);
    return true;
  }
  if (s.closing) return true;
  s.closing = true;
  flush(s);  // closes at once when nothing is buffered
  return true;
}

void Runtime::finish_close(Socket& s, int error, bool notify) {
  const uint64_t id = s.id;
  const bool listener = s.listener;
  poller_->remove(s.fd);
  ::close(s.fd);
  by_fd_.erase(s.fd);
  if (listener) --listeners_;
  sockets_.erase(id);  // s is gone from here on
  if (notify && !listener) emit(CompletionKind::Close, id, error);
}

void Runtime::emit(CompletionKind kind, uint64_t id, int64_t value, std::string text) {
  Completion c;
  c.kind = kind;
  c.id = id;
  c.value = value;
  c.text = std::move(text);
  local_.push_back(std::move(c));
  ++io_completions_;
  // Outside drain() (a write() or close() that finished a socket) nothing else
  // would tell the embedding loop to come back for this completion.
  if (!draining_) signal_wake(rearms_);
}

ConnectResult Runtime::connect(const std::string& host_in, int port) {
  ConnectResult r;
  auto fail = [&r](int err, const std::string& what) { return failed(r, err, what); };
  if (port < 1 || port > 65535) return fail(EINVAL, "connect: port out of range");
  sockaddr_storage ss{};
  socklen_t len = 0;
  if (!numeric_address(host_in, port, &ss, &len)) {
    // Names are not resolved here: resolving can block the owner thread.
    r.error = EINVAL;
    r.message = "connect: '" + host_in + "' is not a numeric IPv4/IPv6 address or localhost";
    return r;
  }
  const int fd = ::socket(ss.ss_family, SOCK_STREAM, 0);
  if (fd < 0) return fail(errno, "socket");
  if (!set_nonblocking(fd)) return close_failed(r, fd, errno, "fcntl");
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  int rc;
  do {
    rc = ::connect(fd, reinterpret_cast<sockaddr*>(&ss), len);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0 && errno != EINPROGRESS) {
    const int err = errno;
    return close_failed(r, fd, err, "connect " + host_in + " port " + std::to_string(port));
  }
  // Loopback connects may finish at once; the completion still comes from
  // the poller, so it always arrives after connect() returned.
  Socket* s = watch(fd, kPollOut);
  if (s == nullptr) return close_failed(r, fd, errno, "poller add");
  s->connecting = true;
  r.id = s->id;
  return r;
}

ListenResult Runtime::bind_datagram(const std::string& host_in, int port) {
  ListenResult r;
  auto fail = [&r](int err, const std::string& what) { return failed(r, err, what); };
  if (port < 0 || port > 65535) return fail(EINVAL, "bind: port out of range");
  sockaddr_storage ss{};
  socklen_t len = 0;
  if (!numeric_address(host_in.empty() ? std::string("0.0.0.0") : host_in, port, &ss, &len)) {
    r.error = EINVAL;
    r.message = "bind: '" + host_in + "' is not a numeric IPv4/IPv6 address or localhost";
    return r;
  }
  const int fd = ::socket(ss.ss_family, SOCK_DGRAM, 0);
  if (fd < 0) return fail(errno, "socket");
  if (!set_nonblocking(fd)) return close_failed(r, fd, errno, "fcntl");
  if (::bind(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
    const int err = errno;
    return close_failed(r, fd, err, bind_target(host_in, port));
  }
  r.port = local_port(fd);
  Socket* s = watch(fd, kPollIn);
  if (s == nullptr) return close_failed(r, fd, errno, "poller add");
  s->datagram = true;
  r.id = s->id;
  return r;
}

int64_t Runtime::send_to(uint64_t id, const std::string& host, int port, const char* data, std::size_t len) {
  auto it = sockets_.find(id);
  if (it == sockets_.end() || !it->second->datagram) return -EBADF;
  if (port < 1 || port > 65535) return -EINVAL;
  sockaddr_storage to{};
  socklen_t tlen = 0;
  if (!numeric_address(host, port, &to, &tlen)) return -EINVAL;
  ssize_t n;
  do {
    n = ::sendto(it->second->fd, data, len, 0, reinterpret_cast<sockaddr*>(&to), tlen);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return -errno;
  bytes_written_ += static_cast<uint64_t>(n);
  return 0;
}

ListenResult Runtime::listen(const std::string& host_in, int port, int backlog, bool ipv6_only) {
  ListenResult r;
  auto fail = [&r](int err, const std::string& what) { return failed(r, err, what); };
  if (port < 0 || port > 65535) return fail(EINVAL, "listen: port out of range");
  std::string host = host_in;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";

  sockaddr_storage ss{};
  socklen_t len = 0;
  int family;
  if (host.empty()) {
    // All interfaces: an IPv6 socket that also takes IPv4, unless asked not to.
    family = AF_INET6;
    auto& a6 = reinterpret_cast<sockaddr_in6&>(ss);
    a6.sin6_family = AF_INET6;
    a6.sin6_addr = in6addr_any;
    a6.sin6_port = htons(static_cast<uint16_t>(port));
    len = sizeof a6;
  } else if (numeric_address(host_in, port, &ss, &len)) {
    family = ss.ss_family;
  } else {
    // Names are not resolved here: resolving can block the owner thread.
    r.error = EINVAL;
    r.message = "listen: '" + host_in + "' is not a numeric IPv4/IPv6 address or localhost";
    return r;
  }

  int fd = ::socket(family, SOCK_STREAM, 0);
  if (fd < 0 && host.empty() && (errno == EAFNOSUPPORT || errno == EPROTONOSUPPORT)) {
    // A kernel without IPv6: "every interface" means every IPv4 one.
    family = AF_INET;
    ss = sockaddr_storage{};
    auto& a4 = reinterpret_cast<sockaddr_in&>(ss);
    a4.sin_family = AF_INET;
    a4.sin_addr.s_addr = htonl(INADDR_ANY);
    a4.sin_port = htons(static_cast<uint16_t>(port));
    len = sizeof a4;
    fd = ::socket(family, SOCK_STREAM, 0);
  }
  if (fd < 0) return fail(errno, "socket");
  if (!set_nonblocking(fd)) return close_failed(r, fd, errno, "fcntl");
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (family == AF_INET6) {
    const int v6only = ipv6_only ? 1 : 0;
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
  }
  if (::bind(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
    const int err = errno;
    return close_failed(r, fd, err, bind_target(host, port));
  }
  if (::listen(fd, backlog > 0 ? backlog : 128) != 0) return close_failed(r, fd, errno, "listen");
  r.port = local_port(fd);
  Socket* s = watch(fd, kPollIn);
  if (s == nullptr) return close_failed(r, fd, errno, "poller add");
  s->listener = true;
  r.id = s->id;
  ++listeners_;
  return r;
}

RuntimeStats Runtime::stats() const {
  RuntimeStats s;
  s.queue = queue_.stats();
  s.backend = poller_->name();
  s.wakeups = wakeups_.load(std::memory_order_relaxed);
  s.rearms = rearms_.load(std::memory_order_relaxed);
  s.drains = drains_;
  s.io_completions = io_completions_;
  s.local_pending = local_.size();
  s.listeners = listeners_;
  s.connections = sockets_.size() - listeners_;
  s.bytes_read = bytes_read_;
  s.bytes_written = bytes_written_;
  return s;
}

}  // namespace lapis
