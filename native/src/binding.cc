// The only file that includes napi.h: it translates between JavaScript and the
// plain C++ runtime, nothing more. driver/backend/native.ts validates every
// argument before it gets here, so checks here are a last line of defence and
// all read alike ("lapis: <method>: <what>").
//
// Node integration (TOOLCHAIN.md, "Integrating a native epoll runtime"): a
// uv_poll_t watches the runtime's watch fd (the epoll fd, or the wake pipe of
// the poll backend). On each wake-up one capped batch (at most kBatchMax) is
// drained and handed to JavaScript in a single MakeCallback call, encoded in
// two typed arrays shared once at construction plus, when the batch carries
// text, one Buffer. If more is waiting the runtime signals itself again, so
// Node runs its timers and other I/O between batches and is never blocked.
#include <napi.h>
#include <uv.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <string>
#include <vector>

#include "console.h"
#include "producer-group.h"
#include "resolver.h"
#include "runtime.h"
#include "version.h"

namespace {

using lapis::Completion;

// Completions per JavaScript call: large enough to amortise the call, small
// enough that one batch never holds the loop for long (an uncapped batch of
// 263k messages blocked the loop for 5 ms in the prototype).
constexpr size_t kBatchMax = 4096;
// Doubles per completion in the meta array: kind, id, value.
constexpr size_t kMetaStride = 3;
// Batches with at least this much text give JavaScript the bytes themselves
// (an external Buffer) rather than a copy.
constexpr size_t kExternalTextMin = 64 * 1024;

Napi::Value throw_type(Napi::Env env, const char* method, const char* what) {
  Napi::TypeError::New(env, std::string("lapis: ") + method + ": " + what).ThrowAsJavaScriptException();
  return env.Undefined();
}

Napi::Value throw_error(Napi::Env env, const char* method, const std::string& what) {
  Napi::Error::New(env, std::string("lapis: ") + method + ": " + what).ThrowAsJavaScriptException();
  return env.Undefined();
}

// A failed socket call (listen, connect, bindDatagram): the runtime's message,
// with the errno on the error object so JavaScript can tell EADDRINUSE apart.
Napi::Value throw_errno(Napi::Env env, const std::string& message, int error) {
  Napi::Error e = Napi::Error::New(env, "lapis: " + message);
  e.Set("errno", Napi::Number::New(env, error));
  e.ThrowAsJavaScriptException();
  return env.Undefined();
}

// Reads an optional numeric option from a plain object.
double option_number(const Napi::Object& o, const char* key, double fallback) {
  Napi::Value v = o.Get(key);
  return v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : fallback;
}

// A JavaScript object owning one lapis::Runtime and its uv_poll_t.
class RuntimeHandle : public Napi::ObjectWrap<RuntimeHandle> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Runtime",
                       {
                           InstanceMethod("listen", &RuntimeHandle::Listen),
                           InstanceMethod("connect", &RuntimeHandle::Connect),
                           InstanceMethod("bindDatagram", &RuntimeHandle::BindDatagram),
                           InstanceMethod("sendTo", &RuntimeHandle::SendTo),
                           InstanceMethod("write", &RuntimeHandle::Write),
                           InstanceMethod("close", &RuntimeHandle::Close),
                           InstanceMethod("postUser", &RuntimeHandle::PostUser),
                           InstanceMethod("produce", &RuntimeHandle::Produce),
                           InstanceMethod("drain", &RuntimeHandle::Drain),
                           InstanceMethod("stats", &RuntimeHandle::Stats),
                           InstanceMethod("shutdown", &RuntimeHandle::Shutdown),
                           InstanceMethod("backend", &RuntimeHandle::BackendName),
                       });
  }

  // new Runtime(options, onBatch, meta: Float64Array, ends: Uint32Array)
  RuntimeHandle(const Napi::CallbackInfo& info) : Napi::ObjectWrap<RuntimeHandle>(info), context_(info.Env(), "LapisRuntime") {
    Napi::Env env = info.Env();
    if (info.Length() < 4 || !info[0].IsObject() || !info[1].IsFunction() || !info[2].IsTypedArray() ||
        !info[3].IsTypedArray()) {
      throw_type(env, "Runtime", "expected (options, onBatch, Float64Array, Uint32Array)");
      return;
    }
    Napi::Object o = info[0].As<Napi::Object>();
    lapis::RuntimeOptions opts;
    const std::string backend = o.Get("backend").IsString() ? o.Get("backend").As<Napi::String>().Utf8Value() : "auto";
    if (!lapis::parse_backend(backend, &opts.backend)) {
      throw_type(env, "Runtime", "backend must be 'epoll', 'poll' or 'auto'");
      return;
    }
    opts.queue_capacity = static_cast<size_t>(option_number(o, "queueCapacity", static_cast<double>(opts.queue_capacity)));
    const int overflow = static_cast<int>(option_number(o, "overflow", static_cast<double>(opts.overflow)));
    if (overflow < 0 || overflow > 2) {
      throw_type(env, "Runtime", "overflow must be 0 (fail), 1 (drop-oldest) or 2 (block-writer)");
      return;
    }
    opts.overflow = static_cast<lapis::OverflowPolicy>(overflow);
    opts.block_timeout = std::chrono::milliseconds(static_cast<int64_t>(option_number(o, "blockTimeoutMs", 1000)));
    opts.write_low_water = static_cast<size_t>(option_number(o, "writeLowWater", static_cast<double>(opts.write_low_water)));
    opts.read_chunk = static_cast<size_t>(option_number(o, "readChunk", static_cast<double>(opts.read_chunk)));
    opts.handoff_on_wake = option_number(o, "handoffOnWake", 1) != 0;
    batch_max_ = std::min(kBatchMax, static_cast<size_t>(option_number(o, "batchMax", kBatchMax)));
    if (batch_max_ == 0) batch_max_ = 1;

    Napi::Float64Array meta = info[2].As<Napi::Float64Array>();
    Napi::Uint32Array ends = info[3].As<Napi::Uint32Array>();
    if (meta.ElementLength() < kBatchMax * kMetaStride || ends.ElementLength() < kBatchMax) {
      throw_type(env, "Runtime", "shared arrays are too small");
      return;
    }
    meta_ = meta.Data();
    ends_ = ends.Data();
    meta_ref_ = Napi::Persistent(meta);
    ends_ref_ = Napi::Persistent(ends);
    on_batch_ = Napi::Persistent(info[1].As<Napi::Function>());

    std::string error;
    runtime_ = lapis::Runtime::create(opts, &error);
    if (!runtime_) {
      throw_error(env, "Runtime", error);
      return;
    }

    uv_loop_t* loop = nullptr;
    napi_get_uv_event_loop(env, &loop);
    poll_ = new uv_poll_t;
    poll_->data = this;
    if (uv_poll_init(loop, poll_, runtime_->watch_fd()) != 0) {
      delete poll_;
      poll_ = nullptr;
      runtime_.reset();
      throw_error(env, "Runtime", "uv_poll_init failed");
      return;
    }
    uv_poll_start(poll_, UV_READABLE, &RuntimeHandle::OnReadable);
    uv_unref(reinterpret_cast<uv_handle_t*>(poll_));  // idle until something is open or pending
    env_ = env;
    napi_add_env_cleanup_hook(env, &RuntimeHandle::OnEnvCleanup, this);
    cleanup_hook_ = true;
  }

  ~RuntimeHandle() override {
    if (cleanup_hook_) napi_remove_env_cleanup_hook(env_, &RuntimeHandle::OnEnvCleanup, this);
    Teardown();
  }

  // For other bindings (console, resolver): the runtime to post to, or nullptr
  // after shutdown().
  lapis::Runtime* runtime() const { return runtime_.get(); }

  // For other bindings: keeps Node's loop alive while a native source (such as
  // the console worker) may still post. Calls must be balanced by release().
  void retain() {
    ++holds_;
    UpdateRef();
  }
  void release() {
    if (holds_ > 0) --holds_;
    UpdateRef();
  }

  // For other bindings (console, resolver): called first thing in teardown,
  // before the runtime goes, so their worker threads stop posting to it.
  void add_teardown_hook(std::function<void()> hook) { teardown_hooks_.push_back(std::move(hook)); }

 private:
  static void OnEnvCleanup(void* arg) {
    auto* self = static_cast<RuntimeHandle*>(arg);
    self->cleanup_hook_ = false;
    self->Teardown();
  }

  // Stops producers, the uv handle and the runtime, in that order: no thread
  // may post to a runtime that is gone.
  void Teardown() {
    std::vector<std::function<void()>> hooks;
    hooks.swap(teardown_hooks_);
    for (auto& hook : hooks) hook();
    if (producers_) producers_->stop();
    producers_.reset();
    if (poll_ != nullptr) {
      uv_poll_stop(poll_);
      uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
      poll_ = nullptr;
    }
    runtime_.reset();
  }

  static void OnReadable(uv_poll_t* handle, int status, int /*events*/) {
    auto* self = static_cast<RuntimeHandle*>(handle->data);
    if (status < 0 || !self->runtime_) return;
    Napi::Env env = self->Env();
    Napi::HandleScope scope(env);
    if (self->delivering_) return;  // cannot happen from uv, but never re-enter a batch
    const size_t n = self->Fill(self->batch_max_, 0);
    if (n > 0) {
      Napi::Value text = self->TextBuffer(env);
      self->delivering_ = true;
      self->on_batch_.MakeCallback(env.Global(), {Napi::Number::New(env, static_cast<double>(n)), text}, self->context_);
      self->delivering_ = false;
      if (env.IsExceptionPending()) {
        Napi::Error err = env.GetAndClearPendingException();
        napi_fatal_exception(env, err.Value());
      }
    }
    self->UpdateRef();
  }

  // Takes up to max completions out of the runtime and encodes them, in the
  // queue's cells, into the shared arrays; text bytes are gathered in text_
  // for TextBuffer(). One pass: completions are never copied in between.
  size_t Fill(size_t max, int timeout_ms) {
    text_.clear();
    double* m = meta_;
    uint32_t* e = ends_;
    std::string& text = text_;
    return runtime_->drain_each(std::min(max, kBatchMax), timeout_ms, [&m, &e, &text](Completion& c) {
      m[0] = static_cast<double>(c.kind);
      m[1] = static_cast<double>(c.id);
      m[2] = static_cast<double>(c.value);
      m += kMetaStride;
      if (!c.text.empty()) {
        text.append(c.text);
        std::string().swap(c.text);  // release large payloads now, not a lap later
      }
      *e++ = static_cast<uint32_t>(text.size());
    });
  }

  // One Buffer holding the text of the last Fill() back to back, or undefined
  // when none had text (the common case for worker completions).
  Napi::Value TextBuffer(Napi::Env env) {
    if (text_.empty()) return env.Undefined();
    if (text_.size() < kExternalTextMin) {
      Napi::Value buf = Napi::Buffer<char>::Copy(env, text_.data(), text_.size());
      text_.clear();
      return buf;
    }
    // Socket data in bulk: hand the bytes over instead of copying them again.
    auto* owned = new std::string(std::move(text_));
    text_ = std::string();
    return Napi::Buffer<char>::New(env, &(*owned)[0], owned->size(), [](Napi::Env, char*, std::string* s) { delete s; }, owned);
  }

  // Keeps the process alive only while something can still produce events.
  // While busy the JS object is also held strongly, so a runtime whose only
  // owner is its open listener is not garbage-collected (and closed) under it.
  void UpdateRef() {
    if (poll_ == nullptr || !runtime_) return;
    const bool busy = runtime_->open_sockets() > 0 || producers_left_.load() > 0 || holds_ > 0 || runtime_->has_pending();
    if (busy == referenced_) return;
    referenced_ = busy;
    if (busy) {
      uv_ref(reinterpret_cast<uv_handle_t*>(poll_));
      Ref();
    } else {
      uv_unref(reinterpret_cast<uv_handle_t*>(poll_));
      Unref();
    }
  }

  bool Alive(Napi::Env env, const char* method) {
    if (runtime_) return true;
    throw_error(env, method, "the runtime is shut down");
    return false;
  }

  // listen(host: string, port: number, backlog: number, ipv6Only: boolean) → [id, port]
  Napi::Value Listen(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "listen")) return env.Undefined();
    if (info.Length() < 4 || !info[0].IsString() || !info[1].IsNumber() || !info[2].IsNumber() || !info[3].IsBoolean())
      return throw_type(env, "listen", "expected (host, port, backlog, ipv6Only)");
    return Opened(env, runtime_->listen(info[0].As<Napi::String>().Utf8Value(), info[1].As<Napi::Number>().Int32Value(),
                                        info[2].As<Napi::Number>().Int32Value(), info[3].As<Napi::Boolean>().Value()));
  }

  // What listen and bindDatagram return: [id, port] of the new socket, or the bind error thrown.
  Napi::Value Opened(Napi::Env env, const lapis::ListenResult& r) {
    if (r.id == 0) return throw_errno(env, r.message, r.error);
    UpdateRef();
    Napi::Array out = Napi::Array::New(env, 2);
    out.Set(0u, Napi::Number::New(env, static_cast<double>(r.id)));
    out.Set(1u, Napi::Number::New(env, r.port));
    return out;
  }

  // connect(host: string, port: number) → connection id (Connected or Close follows)
  Napi::Value Connect(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "connect")) return env.Undefined();
    if (info.Length() < 2 || !info[0].IsString() || !info[1].IsNumber())
      return throw_type(env, "connect", "expected (host, port)");
    auto r = runtime_->connect(info[0].As<Napi::String>().Utf8Value(), info[1].As<Napi::Number>().Int32Value());
    if (r.id == 0) return throw_errno(env, r.message, r.error);
    UpdateRef();
    return Napi::Number::New(env, static_cast<double>(r.id));
  }

  // bindDatagram(host: string, port: number) → [id, port]
  Napi::Value BindDatagram(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "bindDatagram")) return env.Undefined();
    if (info.Length() < 2 || !info[0].IsString() || !info[1].IsNumber())
      return throw_type(env, "bindDatagram", "expected (host, port)");
    return Opened(env, runtime_->bind_datagram(info[0].As<Napi::String>().Utf8Value(), info[1].As<Napi::Number>().Int32Value()));
  }

  // sendTo(id: number, host: string, port: number, bytes: Uint8Array) → 0, or -errno
  Napi::Value SendTo(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "sendTo")) return env.Undefined();
    if (info.Length() < 4 || !info[0].IsNumber() || !info[1].IsString() || !info[2].IsNumber() || !info[3].IsTypedArray())
      return throw_type(env, "sendTo", "expected (id, host, port, Uint8Array)");
    Napi::TypedArray ta = info[3].As<Napi::TypedArray>();
    if (ta.TypedArrayType() != napi_uint8_array) return throw_type(env, "sendTo", "bytes must be a Uint8Array");
    Napi::Uint8Array bytes = ta.As<Napi::Uint8Array>();
    const int64_t r = runtime_->send_to(static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value()),
                                        info[1].As<Napi::String>().Utf8Value(), info[2].As<Napi::Number>().Int32Value(),
                                        reinterpret_cast<const char*>(bytes.Data()), bytes.ByteLength());
    return Napi::Number::New(env, static_cast<double>(r));
  }

  // write(conn: number, bytes: Uint8Array) → buffered bytes, or -errno
  Napi::Value Write(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "write")) return env.Undefined();
    if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsTypedArray())
      return throw_type(env, "write", "expected (conn, Uint8Array)");
    Napi::TypedArray ta = info[1].As<Napi::TypedArray>();
    if (ta.TypedArrayType() != napi_uint8_array) return throw_type(env, "write", "bytes must be a Uint8Array");
    Napi::Uint8Array bytes = ta.As<Napi::Uint8Array>();
    const int64_t r = runtime_->write(static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value()),
                                      reinterpret_cast<const char*>(bytes.Data()), bytes.ByteLength());
    UpdateRef();
    return Napi::Number::New(env, static_cast<double>(r));
  }

  // close(id: number) → boolean
  Napi::Value Close(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "close")) return env.Undefined();
    if (info.Length() < 1 || !info[0].IsNumber()) return throw_type(env, "close", "expected (id)");
    const bool ok = runtime_->close(static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value()));
    UpdateRef();
    return Napi::Boolean::New(env, ok);
  }

  // postUser(id: number, value: number) → boolean (false: the queue was full)
  Napi::Value PostUser(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "postUser")) return env.Undefined();
    if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsNumber())
      return throw_type(env, "postUser", "expected (id, value)");
    Completion c;
    c.kind = lapis::CompletionKind::User;
    c.id = static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value());
    c.value = info[1].As<Napi::Number>().Int64Value();
    const bool ok = runtime_->post_nowait(std::move(c));
    UpdateRef();
    return Napi::Boolean::New(env, ok);
  }

  // produce(threads, total, firstId, intervalNs): starts native producer
  // threads posting User completions (producer-group.h). One group at a time.
  Napi::Value Produce(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "produce")) return env.Undefined();
    if (info.Length() < 4 || !info[0].IsNumber() || !info[1].IsNumber() || !info[2].IsNumber() || !info[3].IsNumber())
      return throw_type(env, "produce", "expected (threads, total, firstId, intervalNs)");
    if (producers_left_.load() > 0) return throw_error(env, "produce", "producers are still running");
    lapis::ProducerPlan plan;
    plan.threads = info[0].As<Napi::Number>().Uint32Value();
    plan.total = static_cast<uint64_t>(info[1].As<Napi::Number>().Int64Value());
    plan.first_id = static_cast<uint64_t>(info[2].As<Napi::Number>().Int64Value());
    plan.interval_ns = static_cast<uint64_t>(info[3].As<Napi::Number>().Int64Value());
    if (plan.threads == 0 || plan.threads > 64) return throw_type(env, "produce", "threads must be 1..64");
    // The count drops before the wake-up, so the batch that wake-up delivers
    // sees the producers gone and can let the loop go idle.
    lapis::Runtime* rt = runtime_.get();
    std::atomic<int>* left = &producers_left_;
    plan.on_thread_done = [rt, left]() {
      left->fetch_sub(1);
      rt->nudge();
    };
    if (producers_) producers_->stop();
    producers_left_.store(static_cast<int>(plan.threads));
    producers_ = std::make_unique<lapis::ProducerGroup>();
    producers_->start(*runtime_, plan);
    UpdateRef();
    return env.Undefined();
  }

  // drain(max) → count: delivers up to max completions now, through the same
  // onBatch callback, before returning. Not allowed from inside onBatch.
  Napi::Value Drain(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "drain")) return env.Undefined();
    if (info.Length() < 1 || !info[0].IsNumber()) return throw_type(env, "drain", "expected (max)");
    if (delivering_) return throw_error(env, "drain", "cannot be called from inside an event handler");
    const int64_t max = info[0].As<Napi::Number>().Int64Value();
    const size_t n = max > 0 ? Fill(static_cast<size_t>(max), 0) : 0;
    if (n > 0) {
      Napi::Value text = TextBuffer(env);
      delivering_ = true;
      on_batch_.Call(env.Undefined(), {Napi::Number::New(env, static_cast<double>(n)), text});
      delivering_ = false;
    }
    UpdateRef();
    return Napi::Number::New(env, static_cast<double>(n));
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "stats")) return env.Undefined();
    const lapis::RuntimeStats s = runtime_->stats();
    Napi::Object o = Napi::Object::New(env);
    auto num = [&](const char* k, uint64_t v) { o.Set(k, Napi::Number::New(env, static_cast<double>(v))); };
    o.Set("backend", Napi::String::New(env, s.backend));
    num("capacity", s.queue.capacity);
    num("size", s.queue.size);
    num("enqueued", s.queue.enqueued);
    num("dequeued", s.queue.dequeued);
    num("dropped", s.queue.dropped);
    num("rejected", s.queue.rejected);
    num("highWater", s.queue.high_water);
    num("blocked", s.queue.blocked);
    num("wakeups", s.wakeups);
    num("rearms", s.rearms);
    num("drains", s.drains);
    num("ioCompletions", s.io_completions);
    num("localPending", s.local_pending);
    num("listeners", s.listeners);
    num("connections", s.connections);
    num("bytesRead", s.bytes_read);
    num("bytesWritten", s.bytes_written);
    num("producersPosted", producers_ ? producers_->posted() : 0);
    num("producersRunning", static_cast<uint64_t>(std::max(0, producers_left_.load())));
    o.Set("referenced", Napi::Boolean::New(env, referenced_));
    return o;
  }

  Napi::Value Shutdown(const Napi::CallbackInfo& info) {
    Teardown();
    if (referenced_) {
      referenced_ = false;
      Unref();  // collectable again
    }
    return info.Env().Undefined();
  }

  Napi::Value BackendName(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!Alive(env, "backend")) return env.Undefined();
    return Napi::String::New(env, runtime_->backend_name());
  }

  Napi::AsyncContext context_;
  Napi::FunctionReference on_batch_;
  Napi::Reference<Napi::Float64Array> meta_ref_;
  Napi::Reference<Napi::Uint32Array> ends_ref_;
  double* meta_ = nullptr;
  uint32_t* ends_ = nullptr;
  std::unique_ptr<lapis::Runtime> runtime_;
  std::unique_ptr<lapis::ProducerGroup> producers_;
  std::atomic<int> producers_left_{0};
  std::string text_;  // text of the batch being delivered (see Fill)
  size_t batch_max_ = kBatchMax;
  uv_poll_t* poll_ = nullptr;
  napi_env env_ = nullptr;
  bool cleanup_hook_ = false;
  bool referenced_ = false;
  bool delivering_ = false;
  int holds_ = 0;
  std::vector<std::function<void()>> teardown_hooks_;  // see add_teardown_hook()
};

Napi::Value Version(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), lapis::native_version());
}

}  // namespace

// For the console and resolver bindings below: the RuntimeHandle behind a JS
// Runtime object, or nullptr (with a TypeError thrown) when `v` is not one.
// Use handle->runtime() as the CompletionSink and retain()/release() to keep
// Node's loop alive while a worker may still post.
[[maybe_unused]] static RuntimeHandle* UnwrapRuntime(Napi::Env env, Napi::Value v, const char* method) {
  if (!v.IsObject()) {
    throw_type(env, method, "expected a native Runtime");
    return nullptr;
  }
  RuntimeHandle* h = Napi::ObjectWrap<RuntimeHandle>::Unwrap(v.As<Napi::Object>());
  if (h == nullptr || h->runtime() == nullptr) {
    throw_type(env, method, "expected a live native Runtime");
    return nullptr;
  }
  return h;
}

// ===========================================================================
// Console and resolver bindings (owned by the console/resolver helper).
// They post into a RuntimeHandle's runtime through a DetachableSink, which the
// runtime's teardown detaches first, so no worker thread ever posts into a
// runtime that is gone. Each handle keeps the JS Runtime object referenced and
// holds Node's loop open (retain/release) only while it can still post.
// ===========================================================================
namespace {

// The sink handed to console and resolver workers. post() forwards to the
// runtime until detach(); afterwards it swallows (returns true), so a worker
// that is retrying a full queue ends instead of spinning. Posts from the JS
// thread (a resolver cache hit) use post_nowait: that thread is the only one
// that can make room, so it must never wait for it.
class DetachableSink final : public lapis::CompletionSink {
 public:
  explicit DetachableSink(lapis::Runtime* runtime) : runtime_(runtime), owner_(std::this_thread::get_id()) {}

  bool post(Completion&& c) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (runtime_ == nullptr) return true;
    if (std::this_thread::get_id() == owner_) return runtime_->post_nowait(std::move(c));
    return runtime_->post(std::move(c));
  }

  bool consumer_waiting() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return runtime_ != nullptr && std::this_thread::get_id() != owner_ && runtime_->consumer_waiting();
  }

  void detach() {
    std::lock_guard<std::mutex> lock(mutex_);
    runtime_ = nullptr;
  }

 private:
  mutable std::mutex mutex_;
  lapis::Runtime* runtime_;
  const std::thread::id owner_;
};

// What console and resolver handles share: the runtime they post to, the
// sink, the keep-alive holds, and the teardown hook.
class RuntimeClient {
 protected:
  // Returns false (with a TypeError thrown) when `v` is not a live Runtime.
  bool Attach(Napi::Env env, Napi::Value v, const char* method) {
    runtime_ = UnwrapRuntime(env, v, method);
    if (runtime_ == nullptr) return false;
    runtime_ref_ = Napi::Persistent(v.As<Napi::Object>());
    sink_ = std::make_shared<DetachableSink>(runtime_->runtime());
    std::weak_ptr<DetachableSink> weak = sink_;
    std::weak_ptr<bool> alive = alive_;
    // Runs before the runtime goes (shutdown() or environment cleanup).
    runtime_->add_teardown_hook([weak, alive, this] {
      if (auto sink = weak.lock()) sink->detach();
      if (alive.expired()) return;
      OnRuntimeTeardown();
      holds_ = 0;          // the runtime's loop holds go with it
      runtime_ = nullptr;  // from now on every method reports "shut down"
      runtime_ref_.Reset();
    });
    return true;
  }

  // Once our worker has stopped nothing of ours posts any more: drop the
  // holds and the reference, so the Runtime object can be collected.
  void Detach() {
    if (sink_) sink_->detach();
    ReleaseAll();
    runtime_ = nullptr;
    runtime_ref_.Reset();
  }

  virtual ~RuntimeClient() { ReleaseAll(); }
  virtual void OnRuntimeTeardown() = 0;

  void Hold() {
    if (runtime_ != nullptr && runtime_->runtime() != nullptr) {
      runtime_->retain();
      ++holds_;
    }
  }
  void Release(int64_t n) {
    for (; n > 0 && holds_ > 0; --n, --holds_) {
      if (runtime_ != nullptr) runtime_->release();
    }
  }
  void ReleaseAll() { Release(holds_); }
  bool RuntimeAlive() const { return runtime_ != nullptr && runtime_->runtime() != nullptr; }

  RuntimeHandle* runtime_ = nullptr;
  Napi::ObjectReference runtime_ref_;
  std::shared_ptr<DetachableSink> sink_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // expires with this object
  int64_t holds_ = 0;
};

// new Console(runtime, fd, readSize, maxLine): the stdin reader (console.h).
class ConsoleHandle : public Napi::ObjectWrap<ConsoleHandle>, private RuntimeClient {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Console",
                       {
                           InstanceMethod("start", &ConsoleHandle::Start),
                           InstanceMethod("stop", &ConsoleHandle::Stop),
                           InstanceMethod("setEcho", &ConsoleHandle::SetEcho),
                           InstanceMethod("setSingleChar", &ConsoleHandle::SetSingleChar),
                           InstanceMethod("kind", &ConsoleHandle::Kind),
                       });
  }

  ConsoleHandle(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ConsoleHandle>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 4 || !info[1].IsNumber() || !info[2].IsNumber() || !info[3].IsNumber()) {
      throw_type(env, "Console", "expected (runtime, fd, readSize, maxLine)");
      return;
    }
    if (!Attach(env, info[0], "Console")) return;
    lapis::ConsoleOptions o;
    o.fd = info[1].As<Napi::Number>().Int32Value();
    o.read_size = static_cast<size_t>(info[2].As<Napi::Number>().Int64Value());
    o.max_line = static_cast<size_t>(info[3].As<Napi::Number>().Int64Value());
    console_ = std::make_unique<lapis::Console>(*sink_, o);
  }

  ~ConsoleHandle() override {
    if (console_) console_->stop();
  }

 private:
  void OnRuntimeTeardown() override {
    // The sink is detached already, so a worker blocked on a full queue ends.
    if (console_) console_->stop();
  }

  // start() → the input kind ("tty", "pipe", "file", "other", "absent")
  Napi::Value Start(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!console_ || !RuntimeAlive()) return throw_error(env, "console.start", "the runtime is shut down");
    std::string error;
    if (!console_->start(&error)) return throw_error(env, "console.start", error);
    Hold();  // until stop(): input may arrive at any time
    return Napi::String::New(env, lapis::console_input_kind_name(console_->kind()));
  }

  // stop(): ends the reader and restores the terminal; idempotent.
  Napi::Value Stop(const Napi::CallbackInfo& info) {
    if (console_) console_->stop();
    Detach();
    return info.Env().Undefined();
  }

  Napi::Value SetEcho(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsBoolean()) return throw_type(env, "console.setEcho", "expected (boolean)");
    return Napi::Boolean::New(env, console_ && console_->set_echo(info[0].As<Napi::Boolean>().Value()));
  }

  Napi::Value SetSingleChar(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsBoolean()) return throw_type(env, "console.setSingleChar", "expected (boolean)");
    return Napi::Boolean::New(env, console_ && console_->set_single_char(info[0].As<Napi::Boolean>().Value()));
  }

  Napi::Value Kind(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    lapis::ConsoleInputKind kind = console_ ? console_->kind() : lapis::ConsoleInputKind::Absent;
    return Napi::String::New(env, lapis::console_input_kind_name(kind));
  }

  std::unique_ptr<lapis::Console> console_;
};

// new Resolver(runtime, options): the lookup pool (resolver.h). Options (all
// numbers, validated by driver/backend/resolver.ts): maxInFlight, timeoutMs,
// forwardTtlMs, reverseTtlMs, negativeTtlMs, maxCacheEntries.
class ResolverHandle : public Napi::ObjectWrap<ResolverHandle>, private RuntimeClient {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Resolver",
                       {
                           InstanceMethod("resolve", &ResolverHandle::Resolve),
                           InstanceMethod("reverse", &ResolverHandle::Reverse),
                           InstanceMethod("settle", &ResolverHandle::Settle),
                           InstanceMethod("stats", &ResolverHandle::Stats),
                           InstanceMethod("clearCache", &ResolverHandle::ClearCache),
                           InstanceMethod("stop", &ResolverHandle::Stop),
                       });
  }

  ResolverHandle(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ResolverHandle>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[1].IsObject()) {
      throw_type(env, "Resolver", "expected (runtime, options)");
      return;
    }
    if (!Attach(env, info[0], "Resolver")) return;
    Napi::Object o = info[1].As<Napi::Object>();
    lapis::ResolverOptions opts;
    auto ms = [&](const char* key, std::chrono::milliseconds fallback) {
      return std::chrono::milliseconds(static_cast<int64_t>(option_number(o, key, static_cast<double>(fallback.count()))));
    };
    opts.max_in_flight = static_cast<unsigned>(option_number(o, "maxInFlight", opts.max_in_flight));
    opts.timeout = ms("timeoutMs", opts.timeout);
    opts.forward_ttl = ms("forwardTtlMs", opts.forward_ttl);
    opts.reverse_ttl = ms("reverseTtlMs", opts.reverse_ttl);
    opts.negative_ttl = ms("negativeTtlMs", opts.negative_ttl);
    opts.max_cache_entries = static_cast<size_t>(option_number(o, "maxCacheEntries", static_cast<double>(opts.max_cache_entries)));
    resolver_ = std::make_unique<lapis::Resolver>(*sink_, opts);
  }

  ~ResolverHandle() override {
    if (resolver_) resolver_->stop();
  }

 private:
  void OnRuntimeTeardown() override {
    if (resolver_) resolver_->stop();
  }

  Napi::Value Submit(const Napi::CallbackInfo& info, bool reverse) {
    Napi::Env env = info.Env();
    const char* method = reverse ? "resolver.reverse" : "resolver.resolve";
    if (info.Length() < 1 || !info[0].IsString()) return throw_type(env, method, "expected (string)");
    if (!resolver_ || !RuntimeAlive()) return throw_error(env, method, "the runtime is shut down");
    const std::string query = info[0].As<Napi::String>().Utf8Value();
    const uint64_t id = reverse ? resolver_->reverse(query) : resolver_->resolve(query);
    if (id == 0) return throw_error(env, method, "the resolver is stopped");
    Hold();  // until settle(): the answer may take a while
    return Napi::Number::New(env, static_cast<double>(id));
  }

  Napi::Value Resolve(const Napi::CallbackInfo& info) { return Submit(info, false); }
  Napi::Value Reverse(const Napi::CallbackInfo& info) { return Submit(info, true); }

  // settle(count): JavaScript received `count` Resolved completions; their
  // holds on Node's loop go.
  Napi::Value Settle(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsNumber()) return throw_type(env, "resolver.settle", "expected (count)");
    Release(info[0].As<Napi::Number>().Int64Value());
    return env.Undefined();
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Napi::Object o = Napi::Object::New(env);
    const lapis::ResolverStats s = resolver_ ? resolver_->stats() : lapis::ResolverStats();
    auto num = [&](const char* k, uint64_t v) { o.Set(k, Napi::Number::New(env, static_cast<double>(v))); };
    num("requests", s.requests);
    num("cacheHits", s.cache_hits);
    num("negativeHits", s.negative_hits);
    num("misses", s.misses);
    num("coalesced", s.coalesced);
    num("lookups", s.lookups);
    num("timeouts", s.timeouts);
    num("inFlight", s.in_flight);
    num("abandoned", s.abandoned);
    num("queued", s.queued);
    num("threads", s.threads);
    num("cacheEntries", s.cache_entries);
    return o;
  }

  Napi::Value ClearCache(const Napi::CallbackInfo& info) {
    if (resolver_) resolver_->clear_cache();
    return info.Env().Undefined();
  }

  // stop(): outstanding requests complete as cancelled (if the runtime is
  // still there); blocked lookups finish in the background. Idempotent.
  Napi::Value Stop(const Napi::CallbackInfo& info) {
    if (resolver_) resolver_->stop();  // posts the cancellations first
    Detach();
    return info.Env().Undefined();
  }

  std::unique_ptr<lapis::Resolver> resolver_;
};

}  // namespace
// ===================== end of console and resolver bindings ================

namespace {
Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("version", Napi::Function::New(env, Version));
  exports.Set("Runtime", RuntimeHandle::Define(env));
  exports.Set("batchMax", Napi::Number::New(env, static_cast<double>(kBatchMax)));

  // ---- Console and resolver bindings register here (owned by the
  // console/resolver helper): add `exports.Set(...)` lines below and take the
  // runtime with UnwrapRuntime(). ----
  exports.Set("Console", ConsoleHandle::Define(env));
  exports.Set("Resolver", ResolverHandle::Define(env));

  // ---- end of console and resolver bindings ----
  return exports;
}
}  // namespace

NODE_API_MODULE(lapis_native, Init)
