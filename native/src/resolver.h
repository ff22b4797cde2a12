#pragma once
// The resolver worker pool: forward (getaddrinfo) and reverse (getnameinfo)
// lookups run on a few worker threads, with caches, a per-request timeout and
// a limit on lookups in flight. Results come back as Resolved completions:
//
//   id     the request id that resolve()/reverse() returned
//   value  a ResolveStatus (0 = ok; the numbers are stable, see below)
//   text   ok, forward: the addresses, numeric, in resolver order without
//                       duplicates, joined by single spaces ("127.0.0.1 ::1")
//          ok, reverse: the host name
//          otherwise:   a short English message ("host not found", ...)
//
// Caches (COMPAT.md: ResolverForwardCacheTtl 300 s, ResolverReverseCacheTtl
// 900 s, ResolverNegativeCacheTtl 30 s): successful answers are kept for the
// forward or reverse TTL, "no such name" answers for the negative TTL; other
// failures and timeouts are never cached. A cache hit completes at once, from
// the calling thread. Concurrent requests for the same name share one lookup.
//
// Timeouts: a request that is not answered within `timeout` completes with
// kResolveTimeout. The lookup itself cannot be interrupted (getaddrinfo has no
// cancel), so its thread goes on in the background; when it returns, its answer
// still fills the cache, but nobody is told. A stuck lookup keeps occupying its
// slot, so an unreachable DNS server can never make the pool grow past
// max_in_flight threads; further requests queue and time out on their own.
//
// Lifetime: the worker threads share the pool state through a shared_ptr and
// are detached, so stop() (and the destructor) never waits for a blocked
// lookup. After stop() returns no completion is posted any more and the sink
// may go away; a thread still blocked in the OS finishes later against state
// that it keeps alive itself.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "completion.h"

namespace lapis {

// Completion::value of a Resolved completion. Stable numbers: JavaScript maps them.
enum ResolveStatus : int64_t {
  kResolveOk = 0,
  kResolveNotFound = 1,   // no such host / no name for the address (negative-cached)
  kResolveNoAddress = 2,  // the name exists but has no address (negative-cached)
  kResolveTryAgain = 3,   // temporary failure (server unreachable, ...)
  kResolveFailed = 4,     // any other failure of the system resolver
  kResolveTimeout = 5,    // no answer within the request's timeout
  kResolveInvalid = 6,    // bad input: empty name, not an IP address, ...
  kResolveCancelled = 7,  // the resolver stopped before the answer came
};

// A short English message for a status.
const char* resolve_status_message(int64_t status);

enum class LookupKind : uint8_t { Forward = 0, Reverse = 1 };

// What a lookup function returns: status plus text as in a Resolved completion.
struct LookupResult {
  int64_t status = kResolveFailed;
  std::string text;
};

// Performs one blocking lookup on a worker thread. Must be thread-safe.
// Reverse queries arrive as canonical numeric addresses.
using LookupFunction = std::function<LookupResult(LookupKind kind, const std::string& query)>;

// The real lookup: getaddrinfo (AF_UNSPEC, SOCK_STREAM) or getnameinfo
// (NI_NAMEREQD), mapped onto ResolveStatus.
LookupResult system_lookup(LookupKind kind, const std::string& query);

struct ResolverOptions {
  unsigned max_in_flight = 4;  // worker threads, started on demand; also the lookups running at once
  std::chrono::milliseconds timeout{10000};  // per request; 0 = wait forever
  // Cache lifetimes; milliseconds so tests need not wait whole seconds. 0 = do not cache.
  std::chrono::milliseconds forward_ttl{300 * 1000};
  std::chrono::milliseconds reverse_ttl{900 * 1000};
  std::chrono::milliseconds negative_ttl{30 * 1000};
  size_t max_cache_entries = 4096;  // per cache (forward, reverse); the soonest to expire goes first
  LookupFunction lookup;            // empty: system_lookup
};

// Counters since creation, for tests and the driver's status efuns.
struct ResolverStats {
  uint64_t requests = 0;        // resolve() + reverse() calls
  uint64_t cache_hits = 0;      // answered from a cache (negative hits included)
  uint64_t negative_hits = 0;   // of which from a negative entry
  uint64_t misses = 0;          // needed a lookup (shared lookups included)
  uint64_t coalesced = 0;       // of the misses, joined a lookup already queued or running
  uint64_t lookups = 0;         // lookups finished by the lookup function
  uint64_t timeouts = 0;        // requests completed with kResolveTimeout
  uint64_t in_flight = 0;       // lookups running now (abandoned ones included)
  uint64_t abandoned = 0;       // of which every requester has timed out
  uint64_t queued = 0;          // lookups waiting for a free slot
  uint64_t threads = 0;         // worker threads alive
  uint64_t cache_entries = 0;   // forward + reverse entries (expired ones not yet purged included)
};

class Resolver {
 public:
  // The sink must stay valid until stop() (or the destructor) has returned.
  Resolver(CompletionSink& sink, ResolverOptions options = {});
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Start a forward / reverse lookup; return its request id (never 0). Every
  // request completes exactly once, possibly before the call returns (cache
  // hit, invalid input). After stop() they return 0 and post nothing.
  uint64_t resolve(const std::string& host);
  uint64_t reverse(const std::string& address);

  // Completes every outstanding request as kResolveCancelled, detaches the
  // sink and lets the workers go. Never waits for a blocked lookup. Idempotent.
  void stop();

  ResolverStats stats() const;
  // Drops every cache entry (for tests and an admin command).
  void clear_cache();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace lapis
