#pragma once
// The console worker: reads the driver's stdin (or any fd, for tests) on its
// own thread and posts what it reads as completions, so console mode ("-c",
// DESIGN.md "Console mode and testbots") never blocks the backend loop.
//
// What it posts:
//   ConsoleLine  text: one line without its terminator. value: a ConsoleLineFlag.
//                CR, LF and CRLF each end a line; a CRLF split across two
//                reads is still one terminator.
//   ConsoleEof   posted once, after every line, when the input ends. value: 0
//                for an orderly end of input, or the errno of the read error
//                that ended it. An input that is absent (closed fd) ends at once.
//
// Nothing is ever dropped: when the sink is full (post() returns false) the
// worker retries with a growing back-off, which in turn stops it reading, so a
// pipe writer is throttled rather than losing lines. stop() ends the worker
// without posting ConsoleEof; the caller asked for it and knows.
//
// On a terminal, set_echo() and set_single_char() change the termios settings;
// the settings found at start() are restored by stop(), by the destructor and,
// as a last resort, at process exit (std::atexit). Node itself also resets
// the stdio terminal modes when it exits or dies of SIGINT/SIGTERM.
#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "completion.h"

namespace lapis {

// What an input fd turned out to be (decides whether termios applies).
enum class ConsoleInputKind : uint8_t {
  Absent = 0,  // not an open fd
  Tty = 1,     // a terminal: echo and single-char mode are available
  Pipe = 2,    // a pipe or FIFO (testbots)
  File = 3,    // a regular file
  Other = 4,   // a socket, a character device such as /dev/null, ...
};

// Meaning of Completion::value on a ConsoleLine.
enum ConsoleLineFlag : int64_t {
  kConsoleLine = 0,       // a complete line (or the unterminated last line before EOF)
  kConsoleChar = 1,       // single-char mode: one character (a whole UTF-8 sequence)
  kConsoleLinePiece = 2,  // a line longer than max_line, delivered in pieces; more follows
};

// Classifies fd without reading from it.
ConsoleInputKind detect_console_input(int fd);
// "absent", "tty", "pipe", "file" or "other".
const char* console_input_kind_name(ConsoleInputKind kind);

struct ConsoleOptions {
  int fd = 0;                     // the input; the worker never closes it
  size_t read_size = 64 * 1024;   // bytes per read()
  size_t max_line = 1024 * 1024;  // longer lines arrive in kConsoleLinePiece pieces
};

class Console {
 public:
  // The sink must outlive the console (or at least its stop()).
  Console(CompletionSink& sink, ConsoleOptions options = {});
  ~Console();
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  // Classifies the fd and starts the reader thread. Returns false (with a
  // message in *error if given) when already started or when the thread or
  // its stop pipe cannot be created. An absent fd is not an error: the worker
  // posts ConsoleEof straight away.
  bool start(std::string* error = nullptr);
  // Stops the reader thread (it may be blocked in poll() or retrying a full
  // sink; both notice at once) and restores the terminal settings. Idempotent.
  void stop();

  ConsoleInputKind kind() const { return kind_; }
  bool running() const { return thread_.joinable(); }
  // True once the reader thread has posted ConsoleEof.
  bool finished() const { return finished_.load(std::memory_order_acquire); }

  // Terminal echo on/off. False when the input is not a terminal or termios fails.
  bool set_echo(bool on);
  // Single-char mode: every character is posted as it arrives (kConsoleChar).
  // On a terminal this also turns canonical mode off (VMIN 1, VTIME 0). On a
  // pipe or file it only changes how the worker splits input, which lets
  // testbots script get_char(). False only when termios fails.
  bool set_single_char(bool on);
  bool single_char() const { return single_char_.load(std::memory_order_acquire); }

 private:
  struct TermState;  // saved termios, kept out of this header

  void run();
  bool deliver(CompletionKind kind, int64_t value, std::string text);
  void consume(const char* data, size_t size);
  void flush_pending_as_chars();
  bool apply_termios(bool echo_on, bool canonical);
  void restore_termios();

  CompletionSink& sink_;
  ConsoleOptions options_;
  ConsoleInputKind kind_ = ConsoleInputKind::Absent;
  std::thread thread_;
  int stop_pipe_[2] = {-1, -1};                // written once by stop() to wake poll()
  std::atomic<bool> stopping_{false};
  std::atomic<bool> finished_{false};
  std::atomic<bool> single_char_{false};

  // Reader-thread state: the bytes of the current line, and whether the last
  // byte seen was a CR (so that an LF opening the next read is swallowed).
  std::string pending_;
  bool after_cr_ = false;
  std::string partial_char_;  // an incomplete UTF-8 sequence in single-char mode

  std::mutex term_mutex_;                       // guards term_ and the termios calls
  std::unique_ptr<TermState> term_;             // set only for a terminal
  bool echo_on_ = true;
  bool canonical_ = true;
};

}  // namespace lapis
