#pragma once
// The event runtime: one completion queue fed by any thread, plus non-blocking
// TCP listeners and connections driven by a poller (poller.h). It knows
// nothing of Node or LPC; binding.cc embeds it in Node's loop, the C++ tests
// drive it directly.
//
// Threading: post() may be called from any thread. Everything else
// belongs to the owner thread (the one that created the runtime), which is
// also the only one that receives completions.
//
// Delivery: worker completions travel in the bounded MPSC queue; the poller's
// wake-up is signalled only on the first post after the owner last started
// draining (the queue's empty→non-empty edge as the owner sees it), so many
// posts cost one wake-up and none is lost. Socket completions are produced on
// the owner thread itself and wait in an owner-only list, so socket I/O never
// competes with workers for queue cells and the owner never blocks on its own
// queue.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "completion.h"
#include "queue.h"

namespace lapis {

namespace detail {
class Poller;
struct PollEvent;
}  // namespace detail

enum class Backend : uint8_t {
  Auto = 0,   // LAPIS_POLLER=poll|epoll if set, else epoll where available
  Epoll = 1,
  Poll = 2,
};

struct RuntimeOptions {
  Backend backend = Backend::Auto;
  std::size_t queue_capacity = 1 << 16;
  OverflowPolicy overflow = OverflowPolicy::BlockWriter;
  std::chrono::milliseconds block_timeout{1000};
  std::size_t write_low_water = 64 * 1024;  // Writable fires when a full buffer drains below this
  std::size_t read_chunk = 64 * 1024;       // bytes per read() and at most 4 reads per readiness
  // consumer_waiting() says true while a wake-up is pending (see there).
  bool handoff_on_wake = true;
};

struct ListenResult {
  uint64_t id = 0;  // 0 on failure
  int port = 0;     // the bound port (useful with port 0)
  int error = 0;    // errno on failure
  std::string message;
};

struct ConnectResult {
  uint64_t id = 0;  // 0 on failure
  int error = 0;    // errno on failure
  std::string message;
};

struct RuntimeStats {
  QueueStats queue;
  std::string backend;
  uint64_t wakeups = 0;         // wake-ups signalled by posts (edges, not posts)
  uint64_t rearms = 0;          // wake-ups the owner signalled itself to continue a backlog
  uint64_t drains = 0;          // drain() calls that returned completions
  uint64_t io_completions = 0;  // completions produced by socket I/O
  uint64_t local_pending = 0;   // socket completions not yet drained
  uint64_t listeners = 0;
  uint64_t connections = 0;
  uint64_t bytes_read = 0;
  uint64_t bytes_written = 0;
};

class Runtime final : public CompletionSink {
 public:
  // Returns nullptr and fills *error when the backend cannot start.
  static std::unique_ptr<Runtime> create(const RuntimeOptions& options, std::string* error);
  ~Runtime() override;  // closes every socket without posting completions

  // Any thread. False when the queue refused (see OverflowPolicy).
  bool post(Completion&& completion) override;

  // Any thread: a wake-up is pending, so the owner has been woken and has not
  // drained yet. Producers about to block yield then (CompletionSink): on a
  // 2-vCPU KVM guest that cut the post-to-handler median from 7-12 µs to
  // 6-7.5 µs (bench/runtime). Only producers about to block may yield: a busy
  // producer yielding after each waking post ping-pongs with the owner on one
  // CPU, a completion per switch (throughput fell from ~60 to ~15 M/s).
  bool consumer_waiting() const override {
    return options_.handoff_on_wake && wake_pending_.load(std::memory_order_acquire);
  }

  // Owner thread: like post() but never waits for room, since the owner is the
  // one that would have to make it.
  bool post_nowait(Completion&& completion);

  // Any thread: signals a wake-up without a completion, so an embedding loop
  // looks at its state again (the binding uses it when producers finish).
  void nudge() { signal_wake(wakeups_); }

  // Owner thread. host is a numeric IPv4/IPv6 address, "localhost", or "" (all
  // interfaces, IPv6 and IPv4 where possible). ipv6_only applies to IPv6.
  ListenResult listen(const std::string& host, int port, int backlog, bool ipv6_only);

  // Owner thread. Starts an outgoing TCP connection to a numeric IPv4/IPv6
  // address (or "localhost") without blocking. A Connected completion follows
  // once it is up, or a Close completion with the errno when it fails; bytes
  // written before that are buffered and sent once connected.
  ConnectResult connect(const std::string& host, int port);

  // Owner thread. Opens a UDP socket bound to a numeric address ("" = every
  // IPv4 interface) and port (0 = any; the bound one is returned). Each
  // datagram received becomes a Datagram completion; close() ends it without
  // a Close completion, as for listeners.
  ListenResult bind_datagram(const std::string& host, int port);

  // Owner thread. Sends one datagram from a datagram socket to a numeric
  // address; 0 when sent, -errno otherwise (-EAGAIN when the kernel buffer is
  // full: UDP drops rather than queues).
  int64_t send_to(uint64_t id, const std::string& host, int port, const char* data, std::size_t len);

  // Owner thread. Sends what the socket takes now and buffers the rest; returns
  // the bytes left buffered, or -errno (-EBADF for an unknown id, -EPIPE after
  // close()). A Writable completion follows once a buffer that reached the
  // low-water mark drains below it.
  int64_t write(uint64_t conn, const char* data, std::size_t len);

  // Owner thread. Closes a listener at once; a connection after its buffered
  // output is sent. Each connection gets exactly one Close completion. False
  // for an unknown id.
  bool close(uint64_t id);

  // Owner thread. Handles socket readiness (waiting up to timeout_ms when
  // nothing is pending; 0 never blocks), then moves up to max completions into
  // out, socket completions first. When more remain it signals a wake-up
  // itself, so an embedding loop comes back for them after other work.
  std::size_t drain(Completion* out, std::size_t max, int timeout_ms = 0);

  // The same, handing each completion to visit(Completion&) in place (in
  // order) instead of moving it out; visit may move from it. For a consumer
  // that encodes completions as it goes (the binding).
  template <typename F>
  std::size_t drain_each(std::size_t max, int timeout_ms, F&& visit) {
    begin_drain(timeout_ms);
    std::size_t n = 0;
    while (n < max && !local_.empty()) {
      visit(local_.front());
      local_.pop_front();
      ++n;
    }
    if (n < max) n += queue_.consume(max - n, visit);
    end_drain(n);
    return n;
  }

  // The descriptor an embedding loop watches for readability (poller.h).
  int watch_fd() const;

  // Owner thread: completions waiting (socket ones exactly, queued ones
  // approximately).
  bool has_pending() const;

  // Owner thread: the OS descriptor of a listener or connection, or -1; for
  // diagnostics and tests (socket options), never for I/O behind the runtime.
  int native_fd(uint64_t id) const;

  // Owner thread: open listeners plus connections.
  std::size_t open_sockets() const { return sockets_.size(); }

  RuntimeStats stats() const;
  const char* backend_name() const;

 private:
  struct Socket;
  Runtime(const RuntimeOptions& options, std::unique_ptr<detail::Poller> poller);

  void begin_drain(int timeout_ms);
  void end_drain(std::size_t delivered);
  void poll_io(int timeout_ms);
  void handle_event(const detail::PollEvent& ev);
  Socket* watch(int fd, uint32_t interest);
  void accept_ready(Socket& listener);
  void connect_ready(Socket& s);
  void datagram_ready(Socket& s);
  void read_ready(Socket& s);
  void flush(Socket& s);
  void set_interest(Socket& s, uint32_t interest);
  void finish_close(Socket& s, int error, bool notify);
  void emit(CompletionKind kind, uint64_t id, int64_t value, std::string text = std::string());
  void signal_wake(std::atomic<uint64_t>& counter);
  void after_post();

  const RuntimeOptions options_;
  std::unique_ptr<detail::Poller> poller_;
  MpscQueue<Completion> queue_;
  std::atomic<bool> wake_pending_{false};
  std::atomic<uint64_t> wakeups_{0};
  std::atomic<uint64_t> rearms_{0};

  // Owner-thread state.
  std::deque<Completion> local_;
  std::unordered_map<uint64_t, std::unique_ptr<Socket>> sockets_;
  std::unordered_map<int, Socket*> by_fd_;
  std::vector<detail::PollEvent> events_;
  std::vector<char> read_buffer_;
  uint64_t next_id_ = 1;
  bool draining_ = false;  // inside drain()'s poll: completions need no extra wake-up
  uint64_t drains_ = 0;
  uint64_t io_completions_ = 0;
  uint64_t listeners_ = 0;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_written_ = 0;
};

// Parses "epoll" / "poll" / "auto" (case-sensitive); false for anything else.
bool parse_backend(const std::string& name, Backend* out);

}  // namespace lapis
