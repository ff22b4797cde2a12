#pragma once
// The poller contract: what the event runtime needs from an OS readiness
// mechanism, and nothing more. poller-epoll.cc (Linux, the default) and
// poller-poll.cc (portable poll(2)) implement it; an IOCP backend would
// implement the same calls on Windows. The runtime above it (runtime.cc) holds
// all socket logic and never includes an OS polling header.
//
// The contract is readiness-based on purpose: an IOCP backend (not written yet)
// would report readiness the way wepoll does, through AFD poll requests on a
// completion port, and use the port itself as the watch fd's equivalent; the
// runtime above would not change.
//
// Threading: every call except wake() is made by the runtime's owner thread.
#include <cstdint>
#include <memory>
#include <string>

namespace lapis {
namespace detail {

// Interest and readiness bits (the same bits both ways).
enum PollBits : uint32_t {
  kPollIn = 1u << 0,   // readable, or a listener has a connection to accept
  kPollOut = 1u << 1,  // writable
  kPollHup = 1u << 2,  // peer hung up (reported even without interest)
  kPollErr = 1u << 3,  // error pending on the socket (likewise)
};

struct PollEvent {
  int fd = -1;
  uint32_t bits = 0;
};

class Poller {
 public:
  virtual ~Poller() = default;

  // "epoll" or "poll", as reported by stats.
  virtual const char* name() const = 0;

  // A descriptor that becomes readable whenever wait(…, 0) would return an
  // event or wake() was called. An embedding event loop (Node's, through a
  // uv_poll_t) watches it instead of calling wait() with a timeout.
  virtual int watch_fd() const = 0;

  // Starts, changes or stops watching fd. add/modify return false and set
  // errno on failure. remove must be called before the fd is closed.
  virtual bool add(int fd, uint32_t interest) = 0;
  virtual bool modify(int fd, uint32_t interest) = 0;
  virtual void remove(int fd) = 0;

  // Waits up to timeout_ms (0: just look, -1: forever) and stores at most max
  // ready descriptors in out. A wake() ends the wait early; the wake itself is
  // not reported as an event. Clears any pending wake-up.
  virtual int wait(PollEvent* out, int max, int timeout_ms) = 0;

  // Consumes a pending wake-up without looking at sockets: the cheap path
  // for a runtime that has none open (one syscall instead of a poll).
  virtual void clear_wake() = 0;

  // Any thread: makes watch_fd() readable and ends a wait(). Cheap, but callers
  // still call it only on an empty→non-empty edge of their own queue.
  virtual void wake() = 0;
};

// Factories; they return nullptr and fill *error when the OS refuses.
std::unique_ptr<Poller> make_epoll_poller(std::string* error);
std::unique_ptr<Poller> make_poll_poller(std::string* error);

}  // namespace detail
}  // namespace lapis
