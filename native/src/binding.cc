// The only file that includes napi.h: it translates between JavaScript and the
// plain C++ runtime, nothing more.
#include <napi.h>

#include "version.h"

namespace {
Napi::Value Version(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), lapis::native_version());
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("version", Napi::Function::New(env, Version));
  return exports;
}
}  // namespace

NODE_API_MODULE(lapis_native, Init)
