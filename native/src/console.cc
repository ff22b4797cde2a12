// The console worker (see console.h). One reader thread per console: it
// sleeps in poll() on the input fd and on a stop pipe, so it costs nothing
// while idle and stop() wakes it at once.
#include "console.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace lapis {

struct Console::TermState {
  struct termios original;
};

namespace detail {

// Terminals whose settings a console changed and has not restored yet. The
// atexit hook restores them, so a driver that exits without stopping its
// console (process.exit, an uncaught error) does not leave the user's shell
// without echo. Heap-allocated and never freed on purpose: the hook may run
// after static destructors.
struct SavedTerminals {
  std::mutex mutex;
  std::vector<std::pair<int, struct termios>> saved;
};

SavedTerminals& saved_terminals() {
  static SavedTerminals* saved = new SavedTerminals();
  return *saved;
}

void restore_terminals_at_exit() {
  SavedTerminals& s = saved_terminals();
  std::lock_guard<std::mutex> lock(s.mutex);
  for (auto& entry : s.saved) tcsetattr(entry.first, TCSANOW, &entry.second);
  s.saved.clear();
}

void remember_terminal(int fd, const struct termios& original) {
  static std::once_flag hook_once;
  SavedTerminals& s = saved_terminals();
  std::call_once(hook_once, [] { std::atexit(restore_terminals_at_exit); });
  std::lock_guard<std::mutex> lock(s.mutex);
  s.saved.emplace_back(fd, original);
}

void forget_terminal(int fd) {
  SavedTerminals& s = saved_terminals();
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = std::find_if(s.saved.begin(), s.saved.end(), [fd](const auto& e) { return e.first == fd; });
  if (it != s.saved.end()) s.saved.erase(it);
}

// Length of the UTF-8 sequence a lead byte opens; 1 for ASCII and for bytes
// that cannot open a sequence (they are passed on alone, never dropped).
size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

bool is_utf8_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace detail

ConsoleInputKind detect_console_input(int fd) {
  if (fd < 0 || fcntl(fd, F_GETFD) == -1) return ConsoleInputKind::Absent;
  if (isatty(fd)) return ConsoleInputKind::Tty;
  struct stat st;
  if (fstat(fd, &st) != 0) return ConsoleInputKind::Absent;
  // Node's child_process gives a child socketpairs for 'pipe' stdio; a stream
  // socket reads exactly like a pipe, so it is classified as one.
  if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) return ConsoleInputKind::Pipe;
  if (S_ISREG(st.st_mode)) return ConsoleInputKind::File;
  return ConsoleInputKind::Other;
}

const char* console_input_kind_name(ConsoleInputKind kind) {
  static const char* const names[] = {"absent", "tty", "pipe", "file", "other"};
  auto index = static_cast<size_t>(kind);
  return index < sizeof(names) / sizeof(names[0]) ? names[index] : "other";
}

Console::Console(CompletionSink& sink, ConsoleOptions options) : sink_(sink), options_(options) {
  if (options_.read_size == 0) options_.read_size = 64 * 1024;
  if (options_.max_line == 0) options_.max_line = 1024 * 1024;
}

Console::~Console() { stop(); }

bool Console::start(std::string* error) {
  auto fail = [error](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  if (thread_.joinable()) return fail("console already started");
  kind_ = detect_console_input(options_.fd);
  if (pipe(stop_pipe_) != 0) return fail(std::string("console stop pipe: ") + std::strerror(errno));
  for (int fd : stop_pipe_) fcntl(fd, F_SETFD, FD_CLOEXEC);
  stopping_.store(false);
  finished_.store(false);
  pending_.clear();
  partial_char_.clear();
  after_cr_ = false;
  if (kind_ == ConsoleInputKind::Tty) {
    std::lock_guard<std::mutex> lock(term_mutex_);
    auto state = std::make_unique<TermState>();
    if (tcgetattr(options_.fd, &state->original) == 0) {
      echo_on_ = (state->original.c_lflag & ECHO) != 0;
      canonical_ = (state->original.c_lflag & ICANON) != 0;
      detail::remember_terminal(options_.fd, state->original);
      term_ = std::move(state);
    }
  }
  try {
    thread_ = std::thread([this] { run(); });
  } catch (const std::exception& e) {
    close(stop_pipe_[0]);
    close(stop_pipe_[1]);
    stop_pipe_[0] = stop_pipe_[1] = -1;
    restore_termios();
    return fail(std::string("console thread: ") + e.what());
  }
  return true;
}

void Console::stop() {
  if (thread_.joinable()) {
    stopping_.store(true, std::memory_order_release);
    char byte = 1;
    // The pipe is empty (only stop() writes it, once), so this cannot block.
    while (write(stop_pipe_[1], &byte, 1) < 0 && errno == EINTR) {
    }
    thread_.join();
  }
  for (int& fd : stop_pipe_) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  restore_termios();
}

bool Console::set_echo(bool on) {
  std::lock_guard<std::mutex> lock(term_mutex_);
  if (!term_) return false;
  if (!apply_termios(on, canonical_)) return false;
  echo_on_ = on;
  return true;
}

bool Console::set_single_char(bool on) {
  std::lock_guard<std::mutex> lock(term_mutex_);
  if (term_ && !apply_termios(echo_on_, !on)) return false;
  if (term_) canonical_ = !on;
  single_char_.store(on, std::memory_order_release);
  return true;
}

// Changes only the echo and canonical bits (and VMIN/VTIME with them); every
// other setting stays as the user's terminal had it. Caller holds term_mutex_.
bool Console::apply_termios(bool echo_on, bool canonical) {
  struct termios t;
  if (tcgetattr(options_.fd, &t) != 0) return false;
  if (echo_on) {
    t.c_lflag |= ECHO;
  } else {
    t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  }
  if (canonical) {
    t.c_lflag |= ICANON;
    t.c_cc[VMIN] = term_->original.c_cc[VMIN];
    t.c_cc[VTIME] = term_->original.c_cc[VTIME];
  } else {
    t.c_lflag &= ~static_cast<tcflag_t>(ICANON);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
  }
  return tcsetattr(options_.fd, TCSANOW, &t) == 0;
}

void Console::restore_termios() {
  std::lock_guard<std::mutex> lock(term_mutex_);
  if (!term_) return;
  tcsetattr(options_.fd, TCSANOW, &term_->original);
  detail::forget_terminal(options_.fd);
  term_.reset();
}

// Posts one completion, retrying while the sink is full: the first retries
// only yield (a consumer is usually draining), later ones sleep in poll() on
// the stop pipe with a doubling timeout so stop() still ends the wait at once.
// Returns false only when stopping.
bool Console::deliver(CompletionKind kind, int64_t value, std::string text) {
  int attempt = 0;
  int sleep_ms = 1;
  for (;;) {
    if (stopping_.load(std::memory_order_acquire)) return false;
    Completion c;
    c.kind = kind;
    c.value = value;
    c.text = text;  // a copy: a refused completion may have been moved from
    if (sink_.post(std::move(c))) return true;
    if (++attempt <= 16) {
      std::this_thread::yield();
      continue;
    }
    struct pollfd pfd = {stop_pipe_[0], POLLIN, 0};
    poll(&pfd, 1, sleep_ms);
    sleep_ms = std::min(sleep_ms * 2, 32);
  }
}

// Single-char mode was switched on while part of a line was buffered: those
// bytes are handed out as characters too, in order, before any newer input.
void Console::flush_pending_as_chars() {
  std::string bytes;
  bytes.swap(pending_);
  after_cr_ = false;
  consume(bytes.data(), bytes.size());
}

void Console::consume(const char* data, size_t size) {
  if (single_char_.load(std::memory_order_acquire)) {
    if (!pending_.empty()) flush_pending_as_chars();
    for (size_t i = 0; i < size; ++i) {
      auto byte = static_cast<unsigned char>(data[i]);
      if (!partial_char_.empty() && !detail::is_utf8_continuation(byte)) {
        // A broken sequence: pass its bytes on as they are, then start afresh.
        if (!deliver(CompletionKind::ConsoleLine, kConsoleChar, std::move(partial_char_))) return;
        partial_char_.clear();
      }
      partial_char_.push_back(static_cast<char>(byte));
      auto lead = static_cast<unsigned char>(partial_char_[0]);
      if (partial_char_.size() >= detail::utf8_sequence_length(lead)) {
        if (!deliver(CompletionKind::ConsoleLine, kConsoleChar, std::move(partial_char_))) return;
        partial_char_.clear();
      }
    }
    return;
  }
  if (!partial_char_.empty()) {
    // Back in line mode: an unfinished character becomes the start of a line.
    pending_ += partial_char_;
    partial_char_.clear();
  }
  const char* p = data;
  const char* end = data + size;
  while (p < end) {
    if (after_cr_) {
      after_cr_ = false;
      if (*p == '\n') {  // the LF of a CRLF, possibly split across reads
        ++p;
        continue;
      }
    }
    const char* stop = p;
    while (stop < end && *stop != '\r' && *stop != '\n') ++stop;
    // Lines longer than max_line go out in pieces, never dropped or truncated.
    while (static_cast<size_t>(stop - p) + pending_.size() > options_.max_line) {
      size_t room = options_.max_line - pending_.size();
      pending_.append(p, room);
      p += room;
      if (!deliver(CompletionKind::ConsoleLine, kConsoleLinePiece, std::move(pending_))) return;
      pending_.clear();
    }
    pending_.append(p, stop);
    p = stop;
    if (p == end) break;
    after_cr_ = (*p == '\r');
    ++p;
    if (!deliver(CompletionKind::ConsoleLine, kConsoleLine, std::move(pending_))) return;
    pending_.clear();
  }
}

void Console::run() {
  auto finish = [this](int64_t error) {
    if (!partial_char_.empty()) {
      if (!deliver(CompletionKind::ConsoleLine, kConsoleChar, std::move(partial_char_))) return;
      partial_char_.clear();
    }
    // The last line may lack a terminator; it is still a line (and comes first).
    if (!pending_.empty()) {
      if (!deliver(CompletionKind::ConsoleLine, kConsoleLine, std::move(pending_))) return;
      pending_.clear();
    }
    if (deliver(CompletionKind::ConsoleEof, error, std::string())) finished_.store(true, std::memory_order_release);
  };
  if (kind_ == ConsoleInputKind::Absent) {
    finish(0);
    return;
  }
  std::vector<char> buffer(options_.read_size);
  for (;;) {
    sink_.yield_to_woken_consumer();  // about to block in poll()
    struct pollfd fds[2] = {{options_.fd, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    int ready = poll(fds, 2, -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      finish(errno);
      return;
    }
    if (fds[1].revents != 0 || stopping_.load(std::memory_order_acquire)) return;
    if (fds[0].revents == 0) continue;
    // POLLHUP and POLLERR also end in read(), which reports what happened.
    ssize_t n = read(options_.fd, buffer.data(), buffer.size());
    if (n > 0) {
      consume(buffer.data(), static_cast<size_t>(n));
      if (stopping_.load(std::memory_order_acquire)) return;
      continue;
    }
    if (n == 0) {
      finish(0);
      return;
    }
    // The fd may be non-blocking (Node sets O_NONBLOCK on stdio it touched).
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
    finish(errno);
    return;
  }
}

}  // namespace lapis
