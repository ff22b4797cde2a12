#pragma once
// A CompletionSink for worker tests: it stands in for the event runtime and
// collects what a worker posts, so a test can take completions one by one.
// With a capacity it refuses posts while that many are untaken, like a full
// runtime queue, so a worker's back-off path runs.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>

#include "completion.h"

namespace lapis_test {

class TestSink : public lapis::CompletionSink {
 public:
  explicit TestSink(size_t capacity = std::numeric_limits<size_t>::max()) : capacity_(capacity) {}

  bool post(lapis::Completion&& c) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (queue_.size() >= capacity_) {
      ++refused_;
      return false;
    }
    queue_.push_back(std::move(c));
    cv_.notify_all();
    return true;
  }

  // Takes the next completion, waiting up to `timeout`; false on timeout.
  bool take(lapis::Completion& out, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!cv_.wait_for(lock, timeout, [this] { return !queue_.empty(); })) return false;
    out = std::move(queue_.front());
    queue_.pop_front();
    return true;
  }

  size_t size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.size();
  }
  size_t refused() {
    std::lock_guard<std::mutex> lock(mutex_);
    return refused_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<lapis::Completion> queue_;
  size_t capacity_;
  size_t refused_ = 0;
};

}  // namespace lapis_test
