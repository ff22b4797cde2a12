#pragma once
// A completion: one typed record posted by any thread to the event runtime and
// handed to JavaScript in batches. The eventfd only wakes the loop; the records
// travel in the runtime's queue, so wake-ups may coalesce but completions are
// never merged or lost (DESIGN.md decision 6).
#include <cstdint>
#include <string>
#include <thread>

namespace lapis {

enum class CompletionKind : uint8_t {
  Accept = 1,       // id: listener id, value: new connection id, text: peer address
  Data = 2,         // id: connection id, text: bytes read
  Writable = 3,     // id: connection id (write buffer drained below the low-water mark)
  Close = 4,        // id: connection id, value: errno or 0 for an orderly hang-up
  User = 5,         // id/value chosen by the poster (tests, benchmarks, other workers)
  ConsoleLine = 6,  // text: one input line without its terminator
  ConsoleEof = 7,   // end of console input
  Resolved = 8,     // id: request id, value: 0 or an error code, text: result (see resolver.h)
  Connected = 9,    // id: connection id of an outgoing connect(), text: local address
  Datagram = 10,    // id: datagram socket id, text: sender address, a NUL byte, then the payload
};

struct Completion {
  CompletionKind kind = CompletionKind::User;
  uint64_t id = 0;
  int64_t value = 0;
  std::string text;
};

// Anything that accepts completions from worker threads (the event runtime
// implements it). post() is thread-safe and never blocks the caller for long;
// it returns false when the completion could not be queued.
class CompletionSink {
 public:
  virtual ~CompletionSink() = default;
  virtual bool post(Completion&& completion) = 0;
  // True while the consumer has been woken by a post and has not run yet. A
  // producer about to block for new work then yields its CPU
  // (std::this_thread::yield()): the kernel often queues the woken consumer
  // behind it on its own CPU, where it would wait until the producer blocks.
  virtual bool consumer_waiting() const { return false; }

  // What a producer calls just before it blocks for new work.
  void yield_to_woken_consumer() const {
    if (consumer_waiting()) std::this_thread::yield();
  }
};

}  // namespace lapis
