#pragma once
// A thread with an explicit life cycle: start, signal stop, join with a
// timeout. The body receives the Worker and checks stop_requested() or sleeps
// in wait_for(), which a stop request interrupts at once; nothing polls.
#include <chrono>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace lapis {

class Worker {
 public:
  using Body = std::function<void(Worker&)>;

  Worker() = default;
  // Signals stop and joins (without a limit): a body that ignores stop
  // requests makes destruction wait for it.
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Starts the thread; false when already started.
  bool start(Body body);

  // Asks the body to finish; wakes it if it sleeps in wait_for(). Any thread.
  void request_stop();
  bool stop_requested() const;

  // For the body: sleeps up to `d`; returns true when stop was requested.
  bool wait_for(std::chrono::nanoseconds d);

  // Waits up to `timeout` for the body to return, then joins the thread.
  // Returns false (and leaves the thread running) when it did not finish in
  // time; it may be called again later.
  bool join_for(std::chrono::milliseconds timeout);

  bool running() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;  // signalled on stop requests and on finish
  std::thread thread_;
  bool started_ = false;
  std::atomic<bool> stop_{false};  // read lock-free by busy bodies
  bool finished_ = false;
};

}  // namespace lapis
