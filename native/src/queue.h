#pragma once
// A bounded multi-producer, single-consumer ring of values (completions, in
// practice). Producers on any thread enqueue without a lock on the fast path;
// exactly one consumer thread dequeues, in batches, and never blocks.
//
// The ring is the sequence-numbered cell design (each cell carries the ticket
// of the lap it may next be written or read in), which needs one atomic
// read-modify-write per enqueue and no lock. What happens when the ring is full
// is chosen once, at construction:
//   - Fail:        enqueue returns false and counts a rejection.
//   - DropOldest:  the producer discards the oldest queued value (counted as
//                  dropped) and retries, so the newest values survive.
//   - BlockWriter: the producer sleeps on a condition variable until the
//                  consumer frees a cell or the timeout passes (then it fails
//                  and counts a rejection).
// Only DropOldest lets producers take values out of the ring, so only then does
// the consumer pay for a compare-and-swap per value.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>

namespace lapis {

enum class OverflowPolicy : uint8_t { Fail = 0, DropOldest = 1, BlockWriter = 2 };

// Counters of one queue; all are totals since construction except size.
struct QueueStats {
  uint64_t capacity = 0;
  uint64_t size = 0;        // values queued now (a snapshot)
  uint64_t enqueued = 0;    // values accepted
  uint64_t dequeued = 0;    // values handed to the consumer
  uint64_t dropped = 0;     // values discarded by DropOldest
  uint64_t rejected = 0;    // enqueues that failed (Fail, or BlockWriter timed out)
  uint64_t high_water = 0;  // largest size observed (see MpscQueue::note_size)
  uint64_t blocked = 0;     // enqueues that had to wait (BlockWriter)
};

namespace detail {
// Keeps producer-written and consumer-written counters on separate cache lines.
constexpr std::size_t kCacheLine = 64;

inline std::size_t round_up_pow2(std::size_t n) {
  std::size_t p = 2;
  while (p < n) p <<= 1;
  return p;
}
}  // namespace detail

template <typename T>
class MpscQueue {
 public:
  // capacity is rounded up to a power of two (at least 2). block_timeout only
  // matters for BlockWriter.
  explicit MpscQueue(std::size_t capacity, OverflowPolicy policy = OverflowPolicy::Fail,
                     std::chrono::milliseconds block_timeout = std::chrono::milliseconds(1000))
      : capacity_(detail::round_up_pow2(capacity)),
        mask_(capacity_ - 1),
        policy_(policy),
        block_timeout_(block_timeout),
        cells_(new Cell[capacity_]) {
    for (std::size_t i = 0; i < capacity_; ++i) cells_[i].seq.store(i, std::memory_order_relaxed);
  }

  MpscQueue(const MpscQueue&) = delete;
  MpscQueue& operator=(const MpscQueue&) = delete;

  std::size_t capacity() const { return capacity_; }
  OverflowPolicy policy() const { return policy_; }

  // Thread-safe. Returns false when the value was not queued (see policy).
  // `value` is moved from only on success. With may_block false a BlockWriter
  // queue fails at once instead of waiting (for a consumer posting to itself).
  bool enqueue(T&& value, bool may_block = true) {
    if (try_enqueue(value)) return true;
    if (!may_block && policy_ == OverflowPolicy::BlockWriter) {
      high_water_max(capacity_);
      rejected_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    switch (policy_) {
      case OverflowPolicy::Fail:
        high_water_max(capacity_);
        rejected_.fetch_add(1, std::memory_order_relaxed);
        return false;
      case OverflowPolicy::DropOldest:
        high_water_max(capacity_);
        for (;;) {
          T discard;
          if (try_dequeue(discard, /*shared=*/true)) dropped_.fetch_add(1, std::memory_order_relaxed);
          if (try_enqueue(value)) return true;
        }
      case OverflowPolicy::BlockWriter:
        high_water_max(capacity_);
        return enqueue_blocking(value);
    }
    return false;
  }

  // Consumer only. Moves up to `max` values into out[0..) in FIFO order and
  // returns how many. Never blocks.
  std::size_t dequeue_batch(T* out, std::size_t max) {
    note_size();
    std::size_t n = 0;
    const bool shared = policy_ == OverflowPolicy::DropOldest;
    while (n < max && try_dequeue(out[n], shared)) ++n;
    if (n > 0) wake_writers();
    return n;
  }

  // Consumer only. Like dequeue_batch, but hands each value to visit(T&) in
  // its cell instead of moving it out: one pass for a consumer that encodes
  // values as it goes. visit should move out anything large it keeps.
  template <typename F>
  std::size_t consume(std::size_t max, F&& visit) {
    note_size();
    std::size_t n = 0;
    const bool shared = policy_ == OverflowPolicy::DropOldest;
    while (n < max && try_take(visit, shared)) ++n;
    if (n > 0) wake_writers();
    return n;
  }

  // Consumer only. Dequeues one value; false when empty.
  bool dequeue(T& out) { return dequeue_batch(&out, 1) == 1; }

  // Any thread; a snapshot that may be stale by the time it is used.
  std::size_t size_approx() const {
    const uint64_t tail = tail_.load(std::memory_order_acquire);
    const uint64_t head = head_.load(std::memory_order_acquire);
    return tail > head ? static_cast<std::size_t>(tail - head) : 0;
  }
  bool empty_approx() const { return size_approx() == 0; }

  QueueStats stats() const {
    note_size();
    QueueStats s;
    s.capacity = capacity_;
    s.size = size_approx();
    s.dequeued = head_.load(std::memory_order_acquire);
    s.enqueued = tail_.load(std::memory_order_acquire);
    s.dropped = dropped_.load(std::memory_order_relaxed);
    s.rejected = rejected_.load(std::memory_order_relaxed);
    s.high_water = high_water_.load(std::memory_order_relaxed);
    s.blocked = blocked_.load(std::memory_order_relaxed);
    // Values taken out by DropOldest count as dropped, not dequeued.
    s.dequeued -= std::min(s.dequeued, s.dropped);
    return s;
  }

 private:
  struct alignas(detail::kCacheLine) Cell {
    std::atomic<uint64_t> seq{0};
    T value{};
  };

  // One attempt; false when the ring is full. Producers claim a ticket with a
  // compare-and-swap on tail_; the cell's seq says whether the consumer has
  // released it for this lap.
  bool try_enqueue(T& value) {
    uint64_t pos = tail_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& cell = cells_[pos & mask_];
      const uint64_t seq = cell.seq.load(std::memory_order_acquire);
      const int64_t diff = static_cast<int64_t>(seq) - static_cast<int64_t>(pos);
      if (diff == 0) {
        if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
          cell.value = std::move(value);
          cell.seq.store(pos + 1, std::memory_order_release);
          return true;
        }
      } else if (diff < 0) {
        return false;  // the cell still holds last lap's value: full
      } else {
        pos = tail_.load(std::memory_order_relaxed);
      }
    }
  }

  // One attempt; false when empty. `shared` means producers may dequeue too
  // (DropOldest), so the head must be claimed with a compare-and-swap. `take`
  // sees the value in its cell before the cell is released; whatever it
  // leaves there stays until the next lap overwrites it, so it should move
  // out anything large.
  template <typename F>
  bool try_take(F&& take, bool shared) {
    uint64_t pos = head_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& cell = cells_[pos & mask_];
      const uint64_t seq = cell.seq.load(std::memory_order_acquire);
      const int64_t diff = static_cast<int64_t>(seq) - static_cast<int64_t>(pos + 1);
      if (diff == 0) {
        if (!shared) {
          head_.store(pos + 1, std::memory_order_relaxed);
        } else if (!head_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
          continue;
        }
        take(cell.value);
        cell.seq.store(pos + capacity_, std::memory_order_release);
        return true;
      }
      if (diff < 0) return false;  // not yet written: empty (or a producer is mid-write)
      pos = head_.load(std::memory_order_relaxed);
    }
  }

  bool try_dequeue(T& out, bool shared) {
    return try_take([&out](T& v) { out = std::move(v); }, shared);
  }

  bool enqueue_blocking(T& value) {
    blocked_.fetch_add(1, std::memory_order_relaxed);
    const auto deadline = std::chrono::steady_clock::now() + block_timeout_;
    std::unique_lock<std::mutex> lock(wait_mutex_);
    waiters_.fetch_add(1, std::memory_order_seq_cst);
    bool ok = false;
    for (;;) {
      if (try_enqueue(value)) {
        ok = true;
        break;
      }
      // The consumer reads waiters_ after releasing cells (both sides use
      // sequentially consistent operations), so either our retry above sees the
      // free cell or the consumer sees us waiting and notifies under the mutex.
      // The short slice bounds the cost of any wake-up we might still miss.
      auto slice = std::chrono::steady_clock::now() + std::chrono::milliseconds(10);
      if (std::chrono::steady_clock::now() >= deadline) break;
      wait_cv_.wait_until(lock, std::min(slice, deadline));
    }
    waiters_.fetch_sub(1, std::memory_order_seq_cst);
    if (!ok) rejected_.fetch_add(1, std::memory_order_relaxed);
    return ok;
  }

  // Blocked writers are woken once the ring is at most half full, not at every
  // freed cell: each wake-up costs a context switch, and a writer woken for a
  // handful of cells would refill them and sleep again at once. (Their wait is
  // sliced, so a consumer that stops above half still lets them in.)
  void wake_writers() {
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (waiters_.load(std::memory_order_seq_cst) == 0) return;
    if (size_approx() > capacity_ / 2) return;
    { std::lock_guard<std::mutex> lock(wait_mutex_); }
    wait_cv_.notify_all();
  }

  // Between two removals the size only grows, so its largest value is the one
  // just before a removal: sampling at each batch dequeue (and when stats are
  // read, and when a producer finds the ring full) yields the high-water mark
  // without costing producers a shared write per enqueue.
  void note_size() const { high_water_max(size_approx()); }

  void high_water_max(uint64_t v) const {
    uint64_t cur = high_water_.load(std::memory_order_relaxed);
    while (v > cur && !high_water_.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
    }
  }

  const std::size_t capacity_;
  const std::size_t mask_;
  const OverflowPolicy policy_;
  const std::chrono::milliseconds block_timeout_;
  std::unique_ptr<Cell[]> cells_;

  alignas(detail::kCacheLine) std::atomic<uint64_t> tail_{0};  // next ticket for producers
  alignas(detail::kCacheLine) std::atomic<uint64_t> head_{0};  // next ticket for the consumer
  alignas(detail::kCacheLine) std::atomic<uint64_t> dropped_{0};
  std::atomic<uint64_t> rejected_{0};
  std::atomic<uint64_t> blocked_{0};
  mutable std::atomic<uint64_t> high_water_{0};
  alignas(detail::kCacheLine) std::atomic<uint32_t> waiters_{0};
  std::mutex wait_mutex_;
  std::condition_variable wait_cv_;
};

}  // namespace lapis
