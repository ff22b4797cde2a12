#include "worker.h"

namespace lapis {

Worker::~Worker() {
  request_stop();
  if (thread_.joinable()) thread_.join();
}

bool Worker::start(Body body) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_) return false;
  started_ = true;
  thread_ = std::thread([this, body = std::move(body)]() {
    body(*this);
    std::lock_guard<std::mutex> done(mutex_);
    finished_ = true;
    cv_.notify_all();
  });
  return true;
}

void Worker::request_stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stop_ = true;
  cv_.notify_all();
}

bool Worker::stop_requested() const { return stop_.load(std::memory_order_acquire); }

bool Worker::wait_for(std::chrono::nanoseconds d) {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait_for(lock, d, [this] { return stop_.load(); });
  return stop_.load();
}

bool Worker::join_for(std::chrono::milliseconds timeout) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!started_) return true;
    if (!cv_.wait_for(lock, timeout, [this] { return finished_; })) return false;
  }
  if (thread_.joinable()) thread_.join();
  return true;
}

bool Worker::running() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return started_ && !finished_;
}

}  // namespace lapis
