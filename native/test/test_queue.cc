// MPSC queue: several producers against one consumer under each overflow
// policy; every count is checked exactly.
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "queue.h"
#include "test.h"

namespace {
using lapis::MpscQueue;
using lapis::OverflowPolicy;
using Clock = std::chrono::steady_clock;

constexpr uint64_t kSeqBits = 40;
uint64_t encode(uint64_t producer, uint64_t seq) { return (producer << kSeqBits) | seq; }
uint64_t producer_of(uint64_t v) { return v >> kSeqBits; }
uint64_t seq_of(uint64_t v) { return v & ((uint64_t{1} << kSeqBits) - 1); }

struct RunResult {
  uint64_t accepted = 0;   // enqueue() returned true
  uint64_t refused = 0;    // enqueue() returned false
  uint64_t received = 0;
  bool order_ok = true;    // per producer, sequence numbers strictly increase
  bool dup_or_gap = false; // for lossless runs: every seq exactly once
};

// Runs `producers` threads each offering `per_producer` values while the
// calling thread consumes in batches; `lossless` also checks that each
// producer's values arrive as 0,1,2,… without a gap.
RunResult run(MpscQueue<uint64_t>& q, unsigned producers, uint64_t per_producer, bool lossless) {
  std::atomic<uint64_t> accepted{0}, refused{0};
  std::atomic<unsigned> done{0};
  std::vector<std::thread> threads;
  for (unsigned p = 0; p < producers; ++p) {
    threads.emplace_back([&, p] {
      uint64_t a = 0, r = 0;
      for (uint64_t i = 0; i < per_producer; ++i) {
        uint64_t v = encode(p, i);
        if (q.enqueue(std::move(v))) ++a; else ++r;
      }
      accepted += a;
      refused += r;
      ++done;
    });
  }
  RunResult res;
  std::vector<int64_t> last(producers, -1);
  std::vector<uint64_t> batch(512);
  for (;;) {
    const bool finished = done.load() == producers;
    const size_t n = q.dequeue_batch(batch.data(), batch.size());
    for (size_t i = 0; i < n; ++i) {
      const uint64_t p = producer_of(batch[i]);
      const int64_t s = static_cast<int64_t>(seq_of(batch[i]));
      if (p >= producers || s <= last[p]) res.order_ok = false;
      if (lossless && p < producers && s != last[p] + 1) res.dup_or_gap = true;
      if (p < producers) last[p] = s;
    }
    res.received += n;
    if (n == 0) {
      if (finished) break;
      std::this_thread::yield();
    }
  }
  for (auto& t : threads) t.join();
  res.accepted = accepted;
  res.refused = refused;
  return res;
}
}  // namespace

LAPIS_TEST(queue_block_writer_stress_loses_and_duplicates_nothing) {
  MpscQueue<uint64_t> q(256, OverflowPolicy::BlockWriter, std::chrono::seconds(30));
  const unsigned producers = 4;
  const uint64_t per = 250000;
  RunResult r = run(q, producers, per, /*lossless=*/true);
  CHECK_EQ(r.accepted, producers * per);
  CHECK_EQ(r.refused, 0u);
  CHECK_EQ(r.received, producers * per);
  CHECK(r.order_ok);
  CHECK(!r.dup_or_gap);
  auto s = q.stats();
  CHECK_EQ(s.enqueued, producers * per);
  CHECK_EQ(s.dequeued, producers * per);
  CHECK_EQ(s.dropped, 0u);
  CHECK_EQ(s.size, 0u);
  CHECK_EQ(s.capacity, 256u);
  CHECK(s.high_water <= 256u);
  CHECK(s.high_water > 0u);
}

LAPIS_TEST(queue_fail_policy_counts_every_refusal) {
  MpscQueue<uint64_t> q(64, OverflowPolicy::Fail);
  const unsigned producers = 3;
  const uint64_t per = 200000;
  RunResult r = run(q, producers, per, /*lossless=*/false);
  CHECK_EQ(r.accepted + r.refused, producers * per);
  CHECK_EQ(r.received, r.accepted);
  CHECK(r.order_ok);
  auto s = q.stats();
  CHECK_EQ(s.rejected, r.refused);
  CHECK_EQ(s.enqueued, r.accepted);
  CHECK_EQ(s.dequeued, r.received);
  CHECK_EQ(s.dropped, 0u);
}

LAPIS_TEST(queue_fail_policy_single_thread_exact) {
  MpscQueue<uint64_t> q(8, OverflowPolicy::Fail);
  int ok = 0;
  for (uint64_t i = 0; i < 20; ++i) {
    uint64_t v = i;
    ok += q.enqueue(std::move(v)) ? 1 : 0;
  }
  CHECK_EQ(ok, 8);
  uint64_t out[32];
  CHECK_EQ(q.dequeue_batch(out, 32), 8u);
  CHECK_EQ(out[0], 0u);
  CHECK_EQ(out[7], 7u);
  auto s = q.stats();
  CHECK_EQ(s.rejected, 12u);
  CHECK_EQ(s.high_water, 8u);
}

LAPIS_TEST(queue_drop_oldest_keeps_newest_single_thread) {
  MpscQueue<uint64_t> q(8, OverflowPolicy::DropOldest);
  for (uint64_t i = 0; i < 20; ++i) {
    uint64_t v = i;
    CHECK(q.enqueue(std::move(v)));
  }
  uint64_t out[32];
  const size_t n = q.dequeue_batch(out, 32);
  CHECK_EQ(n, 8u);
  for (size_t i = 0; i < n; ++i) CHECK_EQ(out[i], 12 + i);
  auto s = q.stats();
  CHECK_EQ(s.dropped, 12u);
  CHECK_EQ(s.dequeued, 8u);
  CHECK_EQ(s.enqueued, 20u);
}

LAPIS_TEST(queue_drop_oldest_stress_counts_drops_exactly) {
  MpscQueue<uint64_t> q(128, OverflowPolicy::DropOldest);
  const unsigned producers = 4;
  const uint64_t per = 200000;
  RunResult r = run(q, producers, per, /*lossless=*/false);
  auto s = q.stats();
  CHECK_EQ(r.accepted, producers * per);  // DropOldest always accepts
  CHECK_EQ(r.received + s.dropped, producers * per);
  CHECK_EQ(s.dequeued, r.received);
  CHECK(r.order_ok);  // per producer nothing duplicated or reordered
}

LAPIS_TEST(queue_block_writer_times_out) {
  MpscQueue<uint64_t> q(4, OverflowPolicy::BlockWriter, std::chrono::milliseconds(80));
  for (uint64_t i = 0; i < 4; ++i) {
    uint64_t v = i;
    CHECK(q.enqueue(std::move(v)));
  }
  const auto t0 = Clock::now();
  uint64_t v = 99;
  CHECK(!q.enqueue(std::move(v)));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  CHECK(ms >= 75);
  CHECK(ms < 2000);
  auto s = q.stats();
  CHECK_EQ(s.rejected, 1u);
  CHECK_EQ(s.blocked, 1u);
  CHECK_EQ(s.size, 4u);
}

LAPIS_TEST(queue_block_writer_resumes_when_consumer_frees_a_cell) {
  MpscQueue<uint64_t> q(2, OverflowPolicy::BlockWriter, std::chrono::seconds(10));
  for (uint64_t i = 0; i < 2; ++i) {
    uint64_t v = i;
    CHECK(q.enqueue(std::move(v)));
  }
  std::atomic<bool> result{false};
  std::atomic<bool> returned{false};
  std::thread writer([&] {
    uint64_t v = 2;
    result = q.enqueue(std::move(v));
    returned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(!returned.load());  // still blocked on the full ring
  uint64_t out;
  const auto t0 = Clock::now();
  CHECK(q.dequeue(out));
  writer.join();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  CHECK(result.load());
  CHECK(ms < 1000);
  uint64_t rest[4];
  CHECK_EQ(q.dequeue_batch(rest, 4), 2u);
  CHECK_EQ(rest[1], 2u);
}

LAPIS_TEST(queue_high_water_mark_tracks_peak) {
  MpscQueue<uint64_t> q(16, OverflowPolicy::Fail);
  uint64_t out[16];
  for (uint64_t i = 0; i < 5; ++i) {
    uint64_t v = i;
    q.enqueue(std::move(v));
  }
  CHECK_EQ(q.dequeue_batch(out, 16), 5u);
  for (uint64_t i = 0; i < 3; ++i) {
    uint64_t v = i;
    q.enqueue(std::move(v));
  }
  auto s = q.stats();
  CHECK_EQ(s.high_water, 5u);
  CHECK_EQ(s.size, 3u);
}

LAPIS_TEST(queue_dequeue_on_empty_returns_immediately) {
  MpscQueue<uint64_t> q(8, OverflowPolicy::BlockWriter);
  uint64_t out[4];
  const auto t0 = Clock::now();
  CHECK_EQ(q.dequeue_batch(out, 4), 0u);
  CHECK(Clock::now() - t0 < std::chrono::milliseconds(50));
}
