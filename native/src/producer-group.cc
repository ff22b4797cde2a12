#include "producer-group.h"

#include <time.h>

namespace lapis {

uint64_t monotonic_ns() {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

ProducerGroup::~ProducerGroup() { stop(); }

void ProducerGroup::start(CompletionSink& sink, const ProducerPlan& plan) {
  stop();
  const unsigned k = plan.threads > 0 ? plan.threads : 1;
  count_ = k;
  posted_.reset(new std::atomic<uint64_t>[k]);
  refused_.reset(new std::atomic<uint64_t>[k]);
  workers_.clear();
  for (unsigned p = 0; p < k; ++p) {
    posted_[p].store(0);
    refused_[p].store(0);
    const uint64_t share = plan.total / k + (p < plan.total % k ? 1 : 0);
    auto w = std::make_unique<Worker>();
    auto* posted = &posted_[p];
    auto* refused = &refused_[p];
    const uint64_t id = plan.first_id + p;
    w->start([&sink, plan, share, id, posted, refused](Worker& self) {
      uint64_t refusals = 0;
      uint64_t sent = 0;
      for (uint64_t i = 0; i < share; ++i) {
        // Paced: this thread sleeps until the next message, as a worker with
        // one result to deliver does.
        if (plan.interval_ns > 0) sink.yield_to_woken_consumer();
        if (plan.interval_ns > 0 && self.wait_for(std::chrono::nanoseconds(plan.interval_ns))) break;
        bool ok = false;
        for (;;) {
          Completion c;
          c.kind = CompletionKind::User;
          c.id = id;
          c.value = static_cast<int64_t>(plan.interval_ns > 0 ? monotonic_ns() : i);
          if (sink.post(std::move(c))) {
            ok = true;
            break;
          }
          refused->store(++refusals, std::memory_order_relaxed);
          if (!plan.retry || self.stop_requested()) break;
        }
        if (!ok) {
          if (self.stop_requested()) break;
          continue;  // retry is off: this message is given up
        }
        ++sent;
        // Publish progress now and then; the exact count is stored at the end.
        if ((sent & 1023) == 0) {
          posted->store(sent, std::memory_order_relaxed);
          if (self.stop_requested()) break;
        }
      }
      posted->store(sent, std::memory_order_release);
      if (plan.on_thread_done) plan.on_thread_done();
    });
    workers_.push_back(std::move(w));
  }
}

void ProducerGroup::stop() {
  for (auto& w : workers_) w->request_stop();
  for (auto& w : workers_) w->join_for(std::chrono::hours(1));
}

bool ProducerGroup::join_for(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (auto& w : workers_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!w->join_for(left.count() > 0 ? left : std::chrono::milliseconds(0))) return false;
  }
  return true;
}

bool ProducerGroup::running() const {
  for (auto& w : workers_) {
    if (w->running()) return true;
  }
  return false;
}

uint64_t ProducerGroup::posted() const {
  uint64_t sum = 0;
  for (unsigned p = 0; p < count_; ++p) sum += posted_[p].load(std::memory_order_relaxed);
  return sum;
}

uint64_t ProducerGroup::refused() const {
  uint64_t sum = 0;
  for (unsigned p = 0; p < count_; ++p) sum += refused_[p].load(std::memory_order_relaxed);
  return sum;
}

}  // namespace lapis
