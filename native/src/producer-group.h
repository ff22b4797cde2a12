#pragma once
// Native threads that post User completions to a sink: the load generator of
// the runtime benchmark and of stress tests ("K producer threads posting N
// messages"). Producer p posts id = first_id + p and value = its sequence
// number (0, 1, …), or in paced mode value = the steady-clock time of posting
// in nanoseconds, so a receiver can measure wake-up latency.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "completion.h"
#include "worker.h"

namespace lapis {

struct ProducerPlan {
  unsigned threads = 1;
  uint64_t total = 0;         // messages over all threads (split as evenly as possible)
  uint64_t first_id = 0;      // producer p posts id first_id + p
  uint64_t interval_ns = 0;   // 0: as fast as possible; else paced, value = post time
  // A refused post is retried until it succeeds or the group is stopped, so
  // with BlockWriter or Fail queues no message is lost.
  bool retry = true;
  // Called on each producer thread when it has finished posting.
  std::function<void()> on_thread_done;
};

class ProducerGroup {
 public:
  ~ProducerGroup();
  // Starts the threads; the sink must outlive the group (or stop() first).
  void start(CompletionSink& sink, const ProducerPlan& plan);
  void stop();  // signals stop and joins
  bool join_for(std::chrono::milliseconds timeout);
  bool running() const;
  uint64_t posted() const;   // successful posts so far
  uint64_t refused() const;  // refused posts (each retry counts)

 private:
  std::vector<std::unique_ptr<Worker>> workers_;
  std::unique_ptr<std::atomic<uint64_t>[]> posted_;
  std::unique_ptr<std::atomic<uint64_t>[]> refused_;
  unsigned count_ = 0;
};

// Nanoseconds on the monotonic clock (the one Node's process.hrtime uses).
uint64_t monotonic_ns();

}  // namespace lapis
