// The resolver worker pool (see resolver.h for the contract).
//
// Threads: up to max_in_flight detached workers run lookups; one supervisor
// thread completes requests whose deadline passed and retries completions the
// sink refused. Everything they share lives in State, which each thread keeps
// alive with a shared_ptr, so a worker stuck in getaddrinfo after stop() still
// has valid memory to come back to. One mutex guards the bookkeeping; a second
// one guards the sink pointer, so that stop() can detach the sink while no post
// is under way and no lock is held across a lookup.
#include "resolver.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lapis {

namespace {

using Clock = std::chrono::steady_clock;

struct StatusInfo {
  int64_t status;
  const char* message;
};

// One table for the messages; resolve_status_message() looks it up.
constexpr StatusInfo kStatusMessages[] = {
    {kResolveOk, "ok"},
    {kResolveNotFound, "host not found"},
    {kResolveNoAddress, "host has no address"},
    {kResolveTryAgain, "temporary failure in name resolution"},
    {kResolveFailed, "name resolution failed"},
    {kResolveTimeout, "name resolution timed out"},
    {kResolveInvalid, "invalid host name or address"},
    {kResolveCancelled, "resolver stopped"},
};

// getaddrinfo/getnameinfo error codes onto ResolveStatus; the rest is kResolveFailed.
int64_t status_from_gai(int code) {
  switch (code) {
    case 0:
      return kResolveOk;
    case EAI_NONAME:
      return kResolveNotFound;
#ifdef EAI_NODATA
    case EAI_NODATA:
      return kResolveNoAddress;
#endif
#if defined(EAI_ADDRFAMILY)
    case EAI_ADDRFAMILY:
      return kResolveNoAddress;
#endif
    case EAI_AGAIN:
      return kResolveTryAgain;
    default:
      return kResolveFailed;
  }
}

LookupResult failure_from_gai(int code) {
  LookupResult r;
  r.status = status_from_gai(code);
  // A generic failure keeps the system's own words; the others read alike everywhere.
  r.text = r.status == kResolveFailed ? std::string(gai_strerror(code)) : resolve_status_message(r.status);
  return r;
}

// The canonical text of an IPv4 or IPv6 address, or "" when it is neither.
// Used both to validate reverse queries and as their cache key, so "::0001"
// and "::1" share an entry.
std::string canonical_address(const std::string& text, sockaddr_storage* out = nullptr, socklen_t* out_len = nullptr) {
  char buffer[INET6_ADDRSTRLEN];
  in_addr v4;
  in6_addr v6;
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    if (out) {
      auto* sin = reinterpret_cast<sockaddr_in*>(out);
      std::memset(out, 0, sizeof *out);
      sin->sin_family = AF_INET;
      sin->sin_addr = v4;
      *out_len = sizeof(sockaddr_in);
    }
    return inet_ntop(AF_INET, &v4, buffer, sizeof buffer) ? buffer : "";
  }
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    if (out) {
      auto* sin6 = reinterpret_cast<sockaddr_in6*>(out);
      std::memset(out, 0, sizeof *out);
      sin6->sin6_family = AF_INET6;
      sin6->sin6_addr = v6;
      *out_len = sizeof(sockaddr_in6);
    }
    return inet_ntop(AF_INET6, &v6, buffer, sizeof buffer) ? buffer : "";
  }
  return "";
}

// Host names are matched without regard to case (DNS is case-insensitive).
// Empty names, names longer than DNS allows and names with blanks or control
// characters are refused before any lookup.
bool normalize_host(const std::string& host, std::string* key) {
  if (host.empty() || host.size() > 255) return false;
  key->clear();
  key->reserve(host.size());
  for (unsigned char ch : host) {
    if (ch <= ' ' || ch == 0x7F) return false;
    key->push_back(static_cast<char>(std::tolower(ch)));
  }
  return true;
}

}  // namespace

const char* resolve_status_message(int64_t status) {
  for (const auto& info : kStatusMessages) {
    if (info.status == status) return info.message;
  }
  return "name resolution failed";
}

LookupResult system_lookup(LookupKind kind, const std::string& query) {
  if (kind == LookupKind::Forward) {
    addrinfo hints;
    std::memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;  // one entry per address, not one per socket type
    addrinfo* list = nullptr;
    int code = getaddrinfo(query.c_str(), nullptr, &hints, &list);
    if (code != 0) return failure_from_gai(code);
    LookupResult r;
    std::vector<std::string> seen;
    for (addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
      char host[NI_MAXHOST];
      if (getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) continue;
      if (std::find(seen.begin(), seen.end(), host) != seen.end()) continue;
      seen.emplace_back(host);
      if (!r.text.empty()) r.text += ' ';
      r.text += host;
    }
    freeaddrinfo(list);
    if (seen.empty()) return {kResolveNoAddress, resolve_status_message(kResolveNoAddress)};
    r.status = kResolveOk;
    return r;
  }
  sockaddr_storage address;
  socklen_t length = 0;
  if (canonical_address(query, &address, &length).empty()) return {kResolveInvalid, resolve_status_message(kResolveInvalid)};
  char host[NI_MAXHOST];
  int code = getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, nullptr, 0, NI_NAMEREQD);
  if (code != 0) return failure_from_gai(code);
  return {kResolveOk, host};
}

struct Resolver::State : std::enable_shared_from_this<State> {
  // One lookup, shared by every request for the same name while it is queued
  // or running.
  struct Lookup {
    LookupKind kind;
    std::string query;
    std::vector<uint64_t> waiters;  // request ids still wanting the answer
    bool running = false;
    bool abandoned = false;  // running, but every requester has timed out
  };
  struct Request {
    std::shared_ptr<Lookup> lookup;
    Clock::time_point deadline;
    bool has_deadline = false;
  };
  struct CacheEntry {
    int64_t status;
    std::string text;
    Clock::time_point expires;
  };
  using Key = std::pair<LookupKind, std::string>;

  explicit State(ResolverOptions o) : options(std::move(o)) {
    if (options.max_in_flight == 0) options.max_in_flight = 1;
    if (!options.lookup) options.lookup = system_lookup;
  }

  ResolverOptions options;

  std::mutex sink_mutex;          // held while posting; stop() clears sink under it
  CompletionSink* sink = nullptr;

  mutable std::mutex mutex;       // everything below
  std::condition_variable work_cv;        // workers: a lookup was queued, or stopping
  std::condition_variable supervisor_cv;  // supervisor: new earliest deadline, refused post, or stopping
  bool stopping = false;
  uint64_t next_id = 1;
  std::unordered_map<std::string, CacheEntry> caches[2];  // indexed by LookupKind
  std::map<Key, std::shared_ptr<Lookup>> lookups;          // queued or running
  std::deque<std::shared_ptr<Lookup>> queue;               // not yet running
  std::unordered_map<uint64_t, Request> requests;          // not yet completed
  std::set<std::pair<Clock::time_point, uint64_t>> deadlines;
  std::deque<Completion> undelivered;                      // refused by the sink, retried by the supervisor
  unsigned threads = 0;
  unsigned idle_threads = 0;
  ResolverStats counters;  // in_flight, abandoned, ...: kept up to date here
  std::thread supervisor;

  static Completion resolved(uint64_t id, int64_t status, std::string text) {
    Completion c;
    c.kind = CompletionKind::Resolved;
    c.id = id;
    c.value = status;
    c.text = std::move(text);
    return c;
  }

  // Posts without blocking; a refused completion goes to the supervisor,
  // which retries it with a back-off. Called with `mutex` not held.
  void deliver(Completion&& c) {
    {
      std::lock_guard<std::mutex> lock(sink_mutex);
      if (sink == nullptr) return;  // stopped: nobody listens any more
      Completion copy = c;          // a refused completion may have been moved from
      if (sink->post(std::move(copy))) return;
    }
    std::lock_guard<std::mutex> lock(mutex);
    undelivered.push_back(std::move(c));
    supervisor_cv.notify_one();
  }

  // Before a worker goes back to wait for work: CompletionSink's method of the
  // same name, but `sink` may only be read under sink_mutex, which the yield
  // must not hold.
  void yield_to_woken_consumer() {
    bool waiting;
    {
      std::lock_guard<std::mutex> lock(sink_mutex);
      waiting = sink != nullptr && sink->consumer_waiting();
    }
    if (waiting) std::this_thread::yield();
  }

  void deliver_all(std::vector<Completion>& out) {
    for (auto& c : out) deliver(std::move(c));
    out.clear();
  }

  // The answer from a cache, if one is there and fresh. Caller holds `mutex`.
  bool cached(LookupKind kind, const std::string& key, Clock::time_point now, CacheEntry* out) {
    auto& cache = caches[static_cast<int>(kind)];
    auto it = cache.find(key);
    if (it == cache.end()) return false;
    if (it->second.expires <= now) {
      cache.erase(it);
      return false;
    }
    *out = it->second;
    return true;
  }

  // Caches a lookup's answer if its status is cacheable. Caller holds `mutex`.
  void remember(LookupKind kind, const std::string& key, const LookupResult& result) {
    std::chrono::milliseconds ttl{0};
    if (result.status == kResolveOk) {
      ttl = kind == LookupKind::Forward ? options.forward_ttl : options.reverse_ttl;
    } else if (result.status == kResolveNotFound || result.status == kResolveNoAddress) {
      ttl = options.negative_ttl;
    }
    if (ttl.count() <= 0 || options.max_cache_entries == 0) return;
    auto& cache = caches[static_cast<int>(kind)];
    Clock::time_point now = Clock::now();
    if (cache.size() >= options.max_cache_entries && cache.find(key) == cache.end()) {
      for (auto it = cache.begin(); it != cache.end();) {
        it = it->second.expires <= now ? cache.erase(it) : std::next(it);
      }
      if (cache.size() >= options.max_cache_entries) {
        auto soonest = std::min_element(cache.begin(), cache.end(), [](const auto& a, const auto& b) {
          return a.second.expires < b.second.expires;
        });
        cache.erase(soonest);
      }
    }
    cache[key] = CacheEntry{result.status, result.text, now + ttl};
  }

  uint64_t submit(LookupKind kind, const std::string& query) {
    std::vector<Completion> now_done;
    uint64_t id;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stopping) return 0;
      id = next_id++;
      ++counters.requests;
      std::string key;
      bool valid;
      if (kind == LookupKind::Forward) {
        valid = normalize_host(query, &key);
      } else {
        key = canonical_address(query);
        valid = !key.empty();
      }
      CacheEntry entry;
      Clock::time_point now = Clock::now();
      if (!valid) {
        now_done.push_back(resolved(id, kResolveInvalid, resolve_status_message(kResolveInvalid)));
      } else if (cached(kind, key, now, &entry)) {
        ++counters.cache_hits;
        if (entry.status != kResolveOk) ++counters.negative_hits;
        now_done.push_back(resolved(id, entry.status, entry.text));
      } else {
        ++counters.misses;
        std::shared_ptr<Lookup>& lookup = lookups[Key(kind, key)];
        if (lookup) {
          ++counters.coalesced;
          if (lookup->abandoned) {  // someone wants its answer again
            lookup->abandoned = false;
            --counters.abandoned;
          }
        } else {
          lookup = std::make_shared<Lookup>();
          lookup->kind = kind;
          lookup->query = key;
          queue.push_back(lookup);
          // Woken idle workers only take the lock later, so compare against
          // the whole queue rather than trusting idle_threads alone.
          if (queue.size() > idle_threads && threads < options.max_in_flight) spawn_worker();
          work_cv.notify_one();
        }
        lookup->waiters.push_back(id);
        Request request;
        request.lookup = lookup;
        if (options.timeout.count() > 0) {
          request.has_deadline = true;
          request.deadline = now + options.timeout;
          bool earliest = deadlines.empty() || request.deadline < deadlines.begin()->first;
          deadlines.emplace(request.deadline, id);
          if (earliest) supervisor_cv.notify_one();
        }
        requests.emplace(id, std::move(request));
      }
    }
    deliver_all(now_done);
    return id;
  }

  // Caller holds `mutex`.
  void spawn_worker() {
    try {
      std::thread([self = shared_from_this()] { self->work(); }).detach();
      ++threads;
    } catch (const std::system_error&) {
      // No thread now: the lookup stays queued for an existing worker, or
      // its requests time out. Nothing dangles either way.
    }
  }

  void work() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      ++idle_threads;
      work_cv.wait(lock, [this] { return stopping || !queue.empty(); });
      --idle_threads;
      if (stopping) break;
      std::shared_ptr<Lookup> lookup = queue.front();
      queue.pop_front();
      lookup->running = true;
      ++counters.in_flight;
      lock.unlock();
      LookupResult result;
      try {
        result = options.lookup(lookup->kind, lookup->query);
      } catch (...) {
        result = {kResolveFailed, resolve_status_message(kResolveFailed)};
      }
      lock.lock();
      --counters.in_flight;
      ++counters.lookups;
      if (lookup->abandoned) --counters.abandoned;
      auto it = lookups.find(Key(lookup->kind, lookup->query));
      if (it != lookups.end() && it->second == lookup) lookups.erase(it);
      if (stopping) break;
      remember(lookup->kind, lookup->query, result);
      std::vector<Completion> done;
      for (uint64_t id : lookup->waiters) {
        auto request = requests.find(id);
        if (request == requests.end()) continue;
        if (request->second.has_deadline) deadlines.erase({request->second.deadline, id});
        requests.erase(request);
        done.push_back(resolved(id, result.status, result.text));
      }
      lookup->waiters.clear();
      lock.unlock();
      deliver_all(done);
      yield_to_woken_consumer();
      lock.lock();
    }
    --threads;
  }

  // Completes requests whose deadline passed and retries refused completions.
  // Retries back off (1 ms doubling to 32 ms) while the sink keeps refusing,
  // so a full queue costs a few wake-ups, not a spinning thread.
  void supervise() {
    std::unique_lock<std::mutex> lock(mutex);
    int retry_ms = 1;
    Clock::time_point next_retry{};  // the first refusal is retried at once
    while (!stopping) {
      std::vector<Completion> done;
      Clock::time_point now = Clock::now();
      while (!deadlines.empty() && deadlines.begin()->first <= now) {
        uint64_t id = deadlines.begin()->second;
        deadlines.erase(deadlines.begin());
        expire(id, done);
      }
      std::deque<Completion> retry;
      if (!undelivered.empty() && now >= next_retry) retry.swap(undelivered);
      if (!done.empty() || !retry.empty()) {
        const bool retried = !retry.empty();
        lock.unlock();
        deliver_all(done);
        for (auto& c : retry) deliver(std::move(c));
        lock.lock();
        if (retried) {
          // Refused again: wait longer before the next round. All taken: start over.
          retry_ms = undelivered.empty() ? 1 : std::min(retry_ms * 2, 32);
          next_retry = Clock::now() + std::chrono::milliseconds(retry_ms);
        }
        continue;  // look again: time passed meanwhile
      }
      // Sleep until the next deadline or retry, whichever comes first. The
      // time is copied: wait_until keeps a reference, and a worker may erase
      // the set node while the lock is released.
      bool timed = false;
      Clock::time_point wake{};
      if (!undelivered.empty()) {
        wake = next_retry;
        timed = true;
      }
      if (!deadlines.empty() && (!timed || deadlines.begin()->first < wake)) {
        wake = deadlines.begin()->first;
        timed = true;
      }
      if (timed) {
        supervisor_cv.wait_until(lock, wake);
      } else {
        supervisor_cv.wait(lock);
      }
    }
  }

  // Times out one request. Caller holds `mutex`.
  void expire(uint64_t id, std::vector<Completion>& done) {
    auto request = requests.find(id);
    if (request == requests.end()) return;
    std::shared_ptr<Lookup> lookup = request->second.lookup;
    requests.erase(request);
    auto& waiters = lookup->waiters;
    waiters.erase(std::remove(waiters.begin(), waiters.end(), id), waiters.end());
    if (waiters.empty()) {
      if (lookup->running) {
        // Its thread finishes in the background; the answer still reaches the cache.
        lookup->abandoned = true;
        ++counters.abandoned;
      } else {
        // Nobody wants it any more and it never started: drop it.
        queue.erase(std::remove(queue.begin(), queue.end(), lookup), queue.end());
        auto it = lookups.find(Key(lookup->kind, lookup->query));
        if (it != lookups.end() && it->second == lookup) lookups.erase(it);
      }
    }
    ++counters.timeouts;
    done.push_back(resolved(id, kResolveTimeout, resolve_status_message(kResolveTimeout)));
  }

  void stop() {
    std::vector<Completion> cancelled;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stopping) return;
      stopping = true;
      for (auto& entry : requests) cancelled.push_back(resolved(entry.first, kResolveCancelled, resolve_status_message(kResolveCancelled)));
      requests.clear();
      deadlines.clear();
      for (auto& entry : lookups) entry.second->waiters.clear();
      lookups.clear();
      queue.clear();
      undelivered.clear();
      work_cv.notify_all();
      supervisor_cv.notify_all();
    }
    if (supervisor.joinable()) supervisor.join();
    // Last words through the still-attached sink, once each: a full sink loses
    // them, which is acceptable while shutting down.
    {
      std::lock_guard<std::mutex> lock(sink_mutex);
      if (sink != nullptr) {
        for (auto& c : cancelled) sink->post(std::move(c));
      }
      sink = nullptr;
    }
  }
};

Resolver::Resolver(CompletionSink& sink, ResolverOptions options) : state_(std::make_shared<State>(std::move(options))) {
  state_->sink = &sink;
  // The supervisor never blocks outside this file, so stop() can join it.
  state_->supervisor = std::thread([state = state_.get()] { state->supervise(); });
}

Resolver::~Resolver() { stop(); }

uint64_t Resolver::resolve(const std::string& host) { return state_->submit(LookupKind::Forward, host); }

uint64_t Resolver::reverse(const std::string& address) { return state_->submit(LookupKind::Reverse, address); }

void Resolver::stop() { state_->stop(); }

ResolverStats Resolver::stats() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  ResolverStats s = state_->counters;
  s.queued = state_->queue.size();
  s.threads = state_->threads;
  s.cache_entries = state_->caches[0].size() + state_->caches[1].size();
  return s;
}

void Resolver::clear_cache() {
  std::lock_guard<std::mutex> lock(state_->mutex);
  for (auto& cache : state_->caches) cache.clear();
}

}  // namespace lapis
