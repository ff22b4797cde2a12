// Console worker tests: a pipe (or file, or pseudo-terminal) stands in for
// stdin; a collecting sink stands in for the event runtime.
#include <fcntl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "console.h"
#include "test-sink.h"
#include "test.h"

namespace {

using namespace std::chrono_literals;
using lapis::Completion;
using lapis::CompletionKind;

using lapis_test::TestSink;

// A pseudo-terminal pair for the terminal tests, closed (slave, then master)
// at the end of the test. available() is false on a machine without one.
struct Pty {
  int master = -1;
  int slave = -1;
  bool granted = false;
  Pty() {
    master = posix_openpt(O_RDWR | O_NOCTTY);
    granted = master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0;
    if (granted) slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  }
  ~Pty() {
    if (slave >= 0) close(slave);
    if (master >= 0) close(master);
  }
  bool available() const { return granted; }
};

struct Pipe {
  int fds[2] = {-1, -1};
  Pipe() {
    if (pipe(fds) != 0) std::abort();
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  void write_all(const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
      ssize_t n = write(fds[1], s.data() + done, s.size() - done);
      if (n <= 0) std::abort();
      done += static_cast<size_t>(n);
    }
  }
  void close_read() {
    if (fds[0] >= 0) close(fds[0]);
    fds[0] = -1;
  }
  void close_write() {
    if (fds[1] >= 0) close(fds[1]);
    fds[1] = -1;
  }
};

lapis::ConsoleOptions on_fd(int fd) {
  lapis::ConsoleOptions o;
  o.fd = fd;
  return o;
}

// Takes completions until EOF; returns the line texts, and whether EOF came.
std::vector<std::string> take_lines_until_eof(TestSink& sink, bool* saw_eof, int64_t* eof_value = nullptr) {
  std::vector<std::string> lines;
  *saw_eof = false;
  Completion c;
  while (sink.take(c)) {
    if (c.kind == CompletionKind::ConsoleEof) {
      *saw_eof = true;
      if (eof_value) *eof_value = c.value;
      break;
    }
    if (c.kind == CompletionKind::ConsoleLine) lines.push_back(c.text);
  }
  return lines;
}

}  // namespace

LAPIS_TEST(console_detects_input_kinds) {
  Pipe p;
  CHECK(lapis::detect_console_input(p.fds[0]) == lapis::ConsoleInputKind::Pipe);
  char path[] = "/tmp/lapis-console-XXXXXX";
  int file = mkstemp(path);
  CHECK(file >= 0);
  CHECK(lapis::detect_console_input(file) == lapis::ConsoleInputKind::File);
  close(file);
  unlink(path);
  CHECK(lapis::detect_console_input(file) == lapis::ConsoleInputKind::Absent);
  CHECK(lapis::detect_console_input(-1) == lapis::ConsoleInputKind::Absent);
  int null = open("/dev/null", O_RDONLY);
  CHECK(lapis::detect_console_input(null) == lapis::ConsoleInputKind::Other);
  close(null);
  {
    Pty pty;
    if (pty.available()) CHECK(lapis::detect_console_input(pty.slave) == lapis::ConsoleInputKind::Tty);
  }
  CHECK(std::strcmp(lapis::console_input_kind_name(lapis::ConsoleInputKind::Pipe), "pipe") == 0);
}

LAPIS_TEST(console_splits_on_lf_cr_and_crlf) {
  Pipe p;
  TestSink sink;
  lapis::Console console(sink, on_fd(p.fds[0]));
  CHECK(console.start());
  CHECK(console.kind() == lapis::ConsoleInputKind::Pipe);
  p.write_all("lf\ncr\rcrlf\r\nempty-next\n\nafter-cr-cr\r\rend\n");
  p.close_write();
  bool eof = false;
  auto lines = take_lines_until_eof(sink, &eof);
  std::vector<std::string> expected = {"lf", "cr", "crlf", "empty-next", "", "after-cr-cr", "", "end"};
  CHECK(eof);
  CHECK(lines == expected);
  console.stop();  // joins the worker, so finished() is settled
  CHECK(console.finished());
  CHECK_EQ(sink.size(), 0u);  // exactly one EOF, nothing after it
}

LAPIS_TEST(console_crlf_split_across_reads_is_one_terminator) {
  Pipe p;
  TestSink sink;
  lapis::Console console(sink, on_fd(p.fds[0]));
  CHECK(console.start());
  p.write_all("first\r");
  Completion c;
  // Wait until the worker has consumed the CR alone, so the LF surely comes
  // in a later read.
  CHECK(sink.take(c));
  CHECK(c.text == "first");
  std::this_thread::sleep_for(20ms);
  p.write_all("\nsecond\r");
  CHECK(sink.take(c));
  CHECK(c.text == "second");
  std::this_thread::sleep_for(20ms);
  p.write_all("\n");
  std::this_thread::sleep_for(20ms);
  p.write_all("third\n");
  p.close_write();
  bool eof = false;
  auto lines = take_lines_until_eof(sink, &eof);
  CHECK(eof);
  CHECK(lines == std::vector<std::string>{"third"});
}

LAPIS_TEST(console_eof_in_same_read_as_unterminated_last_line) {
  // Everything, and the end of input, is there before the worker's first read.
  Pipe p;
  p.write_all("one\r\ntwo\nlast without terminator");
  p.close_write();
  TestSink sink;
  lapis::Console console(sink, on_fd(p.fds[0]));
  CHECK(console.start());
  bool eof = false;
  int64_t eof_value = -1;
  auto lines = take_lines_until_eof(sink, &eof, &eof_value);
  CHECK(eof);
  CHECK_EQ(eof_value, 0);
  CHECK((lines == std::vector<std::string>{"one", "two", "last without terminator"}));
}

LAPIS_TEST(console_reads_a_regular_file_to_eof) {
  char path[] = "/tmp/lapis-console-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  const char text[] = "alpha\nbeta\r\ngamma";
  CHECK_EQ(write(fd, text, sizeof text - 1), static_cast<ssize_t>(sizeof text - 1));
  lseek(fd, 0, SEEK_SET);
  TestSink sink;
  lapis::Console console(sink, on_fd(fd));
  CHECK(console.start());
  CHECK(console.kind() == lapis::ConsoleInputKind::File);
  bool eof = false;
  auto lines = take_lines_until_eof(sink, &eof);
  CHECK(eof);
  CHECK((lines == std::vector<std::string>{"alpha", "beta", "gamma"}));
  console.stop();
  close(fd);
  unlink(path);
}

LAPIS_TEST(console_large_input_loses_nothing_with_a_full_sink) {
  // 100k lines through a pipe while the sink holds at most 64 untaken
  // completions: the worker must wait, never drop.
  const int kLines = 100000;
  Pipe p;
  TestSink sink(64);
  lapis::ConsoleOptions options = on_fd(p.fds[0]);
  options.read_size = 4096;  // many reads, so terminators straddle read boundaries
  lapis::Console console(sink, options);
  CHECK(console.start());
  std::thread writer([&] {
    static const char* const terminators[] = {"\n", "\r\n", "\r"};
    std::string chunk;
    for (int i = 0; i < kLines; ++i) {
      chunk += "line " + std::to_string(i);
      chunk += terminators[i % 3];
      if (chunk.size() > 3000) {
        p.write_all(chunk);
        chunk.clear();
      }
    }
    p.write_all(chunk);
    p.close_write();
  });
  int next = 0;
  bool ordered = true;
  bool eof = false;
  Completion c;
  while (sink.take(c)) {
    if (c.kind == CompletionKind::ConsoleEof) {
      eof = true;
      break;
    }
    if (c.text != "line " + std::to_string(next)) ordered = false;
    ++next;
  }
  writer.join();
  CHECK(eof);
  CHECK(ordered);
  CHECK_EQ(next, kLines);
  CHECK(sink.refused() > 0);  // the back-off path really ran
}

LAPIS_TEST(console_stop_wakes_a_blocked_worker_without_eof) {
  Pipe p;
  TestSink sink;
  lapis::Console console(sink, on_fd(p.fds[0]));
  CHECK(console.start());
  std::this_thread::sleep_for(20ms);  // let it block in poll()
  auto before = std::chrono::steady_clock::now();
  console.stop();
  CHECK(std::chrono::steady_clock::now() - before < 1s);
  CHECK(!console.running());
  CHECK_EQ(sink.size(), 0u);
  CHECK(!console.finished());
}

LAPIS_TEST(console_stop_interrupts_retrying_on_a_full_sink) {
  Pipe p;
  TestSink sink(1);
  lapis::Console console(sink, on_fd(p.fds[0]));
  CHECK(console.start());
  p.write_all("a\nb\nc\n");
  std::this_thread::sleep_for(50ms);  // "a" fills the sink, "b" is being retried
  auto before = std::chrono::steady_clock::now();
  console.stop();
  CHECK(std::chrono::steady_clock::now() - before < 1s);
  Completion c;
  CHECK(sink.take(c, 0ms));
  CHECK(c.text == "a");
}

LAPIS_TEST(console_absent_input_ends_at_once) {
  Pipe p;
  int fd = p.fds[0];
  p.close_read();  // fd is now closed: the input is absent
  TestSink sink;
  lapis::Console console(sink, on_fd(fd));
  CHECK(console.start());
  CHECK(console.kind() == lapis::ConsoleInputKind::Absent);
  Completion c;
  CHECK(sink.take(c));
  CHECK(c.kind == CompletionKind::ConsoleEof);
  CHECK_EQ(c.value, 0);
}

LAPIS_TEST(console_long_lines_arrive_in_pieces) {
  Pipe p;
  TestSink sink;
  lapis::ConsoleOptions options = on_fd(p.fds[0]);
  options.max_line = 10;
  lapis::Console console(sink, options);
  CHECK(console.start());
  p.write_all(std::string(25, 'x') + "\n" + std::string(10, 'y') + "\n");
  p.close_write();
  Completion c;
  CHECK(sink.take(c));
  CHECK(c.text == std::string(10, 'x'));
  CHECK_EQ(c.value, lapis::kConsoleLinePiece);
  CHECK(sink.take(c));
  CHECK(c.text == std::string(10, 'x'));
  CHECK_EQ(c.value, lapis::kConsoleLinePiece);
  CHECK(sink.take(c));
  CHECK(c.text == std::string(5, 'x'));
  CHECK_EQ(c.value, lapis::kConsoleLine);
  CHECK(sink.take(c));  // exactly max_line long: one whole line
  CHECK(c.text == std::string(10, 'y'));
  CHECK_EQ(c.value, lapis::kConsoleLine);
  CHECK(sink.take(c));
  CHECK(c.kind == CompletionKind::ConsoleEof);
}

LAPIS_TEST(console_single_char_mode_on_a_pipe) {
  Pipe p;
  TestSink sink;
  lapis::Console console(sink, on_fd(p.fds[0]));
  CHECK(console.start());
  CHECK(!console.set_echo(false));  // not a terminal
  CHECK(console.set_single_char(true));
  p.write_all("ab\xE4\xBD");  // "ab" and the first two bytes of U+4F60
  std::this_thread::sleep_for(20ms);
  p.write_all("\xA0\n");
  p.close_write();
  std::vector<std::string> chars;
  Completion c;
  while (sink.take(c) && c.kind == CompletionKind::ConsoleLine) {
    CHECK_EQ(c.value, lapis::kConsoleChar);
    chars.push_back(c.text);
  }
  CHECK(c.kind == CompletionKind::ConsoleEof);
  CHECK((chars == std::vector<std::string>{"a", "b", "\xE4\xBD\xA0", "\n"}));
}

LAPIS_TEST(console_terminal_echo_and_single_char_are_restored_on_stop) {
  Pty pty;
  if (!pty.available()) {
    std::fprintf(stderr, "  (no pseudo-terminal available; skipped)\n");
    return;
  }
  const int master = pty.master;
  const int slave = pty.slave;
  CHECK(slave >= 0);
  struct termios before;
  CHECK_EQ(tcgetattr(slave, &before), 0);
  CHECK((before.c_lflag & ICANON) != 0);
  CHECK((before.c_lflag & ECHO) != 0);
  TestSink sink;
  {
    lapis::Console console(sink, on_fd(slave));
    CHECK(console.start());
    CHECK(console.kind() == lapis::ConsoleInputKind::Tty);

    // Canonical mode: the terminal hands over whole lines.
    CHECK_EQ(write(master, "hello\n", 6), 6);
    Completion c;
    CHECK(sink.take(c));
    CHECK(c.text == "hello");
    CHECK_EQ(c.value, lapis::kConsoleLine);

    CHECK(console.set_echo(false));
    struct termios now;
    tcgetattr(slave, &now);
    CHECK((now.c_lflag & ECHO) == 0);
    CHECK((now.c_lflag & ICANON) != 0);

    CHECK(console.set_single_char(true));
    tcgetattr(slave, &now);
    CHECK((now.c_lflag & ICANON) == 0);
    CHECK((now.c_lflag & ECHO) == 0);
    CHECK_EQ(now.c_cc[VMIN], 1);

    // Single-char mode: each key arrives without waiting for a newline.
    CHECK_EQ(write(master, "x", 1), 1);
    CHECK(sink.take(c));
    CHECK(c.text == "x");
    CHECK_EQ(c.value, lapis::kConsoleChar);
    CHECK_EQ(write(master, "y", 1), 1);
    CHECK(sink.take(c));
    CHECK(c.text == "y");

    CHECK(console.set_single_char(false));
    tcgetattr(slave, &now);
    CHECK((now.c_lflag & ICANON) != 0);
    CHECK((now.c_lflag & ECHO) == 0);  // echo stays as it was set
    console.set_single_char(true);     // leave it changed; stop() must undo it
    console.stop();
  }
  struct termios after;
  CHECK_EQ(tcgetattr(slave, &after), 0);
  CHECK(after.c_lflag == before.c_lflag);
  CHECK(after.c_cc[VMIN] == before.c_cc[VMIN]);
}

LAPIS_TEST(console_terminal_is_restored_when_the_process_exits_without_stop) {
  Pty pty;
  if (!pty.available()) {
    std::fprintf(stderr, "  (no pseudo-terminal available; skipped)\n");
    return;
  }
  const int slave = pty.slave;
  CHECK(slave >= 0);
  struct termios before;
  CHECK_EQ(tcgetattr(slave, &before), 0);
  pid_t pid = fork();
  if (pid == 0) {
    // The child changes the terminal and exits without stopping its console
    // (as process.exit() would): the atexit hook must put it back.
    TestSink sink;
    auto* console = new lapis::Console(sink, on_fd(slave));  // never destroyed, on purpose
    bool ok = console->start() && console->set_echo(false) && console->set_single_char(true);
    struct termios changed;
    tcgetattr(slave, &changed);
    ok = ok && (changed.c_lflag & (ECHO | ICANON)) == 0;
    std::exit(ok ? 0 : 3);
  }
  int status = 0;
  CHECK_EQ(waitpid(pid, &status, 0), pid);
  CHECK(WIFEXITED(status));
  CHECK_EQ(WEXITSTATUS(status), 0);
  struct termios after;
  CHECK_EQ(tcgetattr(slave, &after), 0);
  CHECK(after.c_lflag == before.c_lflag);
}
