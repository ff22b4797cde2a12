// The poll(2) backend of the poller contract (poller.h), for systems without
// epoll or when LAPIS_POLLER=poll asks for it. poll(2) has no descriptor that
// stands for the whole set, so a helper thread polls the set and, when any
// socket is ready, makes the wake pipe readable; the owner thread then calls
// wait(…, 0), which polls again without blocking and re-arms the helper. The
// helper never touches a socket, so all I/O stays on the owner thread.
// Self-pipes (not eventfd) keep this file portable to any POSIX system.
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "poller.h"

namespace lapis {
namespace detail {
namespace {

short to_poll(uint32_t interest) {
  short ev = 0;
  if (interest & kPollIn) ev |= POLLIN;
  if (interest & kPollOut) ev |= POLLOUT;
  return ev;
}

uint32_t from_poll(short rev) {
  uint32_t bits = 0;
  if (rev & POLLIN) bits |= kPollIn;
  if (rev & POLLOUT) bits |= kPollOut;
  if (rev & POLLHUP) bits |= kPollHup;
  if (rev & (POLLERR | POLLNVAL)) bits |= kPollErr;
  return bits;
}

bool make_pipe(int fds[2]) {
  if (::pipe(fds) != 0) return false;
  for (int i = 0; i < 2; ++i) {
    ::fcntl(fds[i], F_SETFL, ::fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    ::fcntl(fds[i], F_SETFD, FD_CLOEXEC);
  }
  return true;
}

void pipe_signal(int fd) {
  const char b = 1;
  while (::write(fd, &b, 1) < 0 && errno == EINTR) {
  }
  // EAGAIN means the pipe is already full of signals: readable either way.
}

void pipe_drain(int fd) {
  char buf[256];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) continue;
    if (n < 0 && errno == EINTR) continue;
    break;
  }
}

class PollPoller final : public Poller {
 public:
  PollPoller(const int wake[2], const int control[2]) {
    wake_[0] = wake[0];
    wake_[1] = wake[1];
    control_[0] = control[0];
    control_[1] = control[1];
    helper_ = std::thread([this] { helper_loop(); });
  }

  ~PollPoller() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
      armed_ = true;
    }
    cv_.notify_all();
    pipe_signal(control_[1]);
    helper_.join();
    for (int fd : {wake_[0], wake_[1], control_[0], control_[1]}) ::close(fd);
  }

  const char* name() const override { return "poll"; }
  int watch_fd() const override { return wake_[0]; }

  bool add(int fd, uint32_t interest) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (index_.count(fd)) {
        errno = EEXIST;
        return false;
      }
      index_[fd] = set_.size();
      set_.push_back(pollfd{fd, to_poll(interest), 0});
    }
    pipe_signal(control_[1]);
    return true;
  }

  bool modify(int fd, uint32_t interest) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = index_.find(fd);
      if (it == index_.end()) {
        errno = ENOENT;
        return false;
      }
      set_[it->second].events = to_poll(interest);
    }
    pipe_signal(control_[1]);
    return true;
  }

  void remove(int fd) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = index_.find(fd);
      if (it == index_.end()) return;
      // Swap-remove keeps the set dense; fix the moved entry's index.
      const size_t i = it->second;
      index_.erase(it);
      if (i != set_.size() - 1) {
        set_[i] = set_.back();
        index_[set_[i].fd] = i;
      }
      set_.pop_back();
    }
    // The helper may still be inside poll() with the old descriptor, which the
    // caller is about to close (or the OS to reuse). That is harmless: the
    // helper only ever signals a wake-up, and the owner's wait() polls the
    // current set. The signal makes it pick up the new set promptly.
    pipe_signal(control_[1]);
  }

  int wait(PollEvent* out, int max, int timeout_ms) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      scratch_ = set_;
    }
    scratch_.push_back(pollfd{wake_[0], POLLIN, 0});
    int n;
    do {
      n = ::poll(scratch_.data(), scratch_.size(), timeout_ms);
    } while (n < 0 && errno == EINTR);
    pipe_drain(wake_[0]);
    int count = 0;
    if (n > 0) {
      for (size_t i = 0; i + 1 < scratch_.size() && count < max; ++i) {
        if (scratch_[i].revents != 0) out[count++] = PollEvent{scratch_[i].fd, from_poll(scratch_[i].revents)};
      }
    }
    rearm();
    return count;
  }

  void clear_wake() override {
    pipe_drain(wake_[0]);
    rearm();
  }

  void wake() override { pipe_signal(wake_[1]); }

 private:
  // Lets the helper look again: anything still ready wakes the owner once more.
  void rearm() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      armed_ = true;
    }
    cv_.notify_all();
  }

  void helper_loop() {
    std::vector<pollfd> fds;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [this] { return armed_; });
        if (stop_) return;
        fds = set_;
      }
      fds.push_back(pollfd{control_[0], POLLIN, 0});
      int n;
      do {
        n = ::poll(fds.data(), fds.size(), -1);
      } while (n < 0 && errno == EINTR);
      pipe_drain(control_[0]);
      bool ready = false;
      for (size_t i = 0; i + 1 < fds.size(); ++i) ready = ready || fds[i].revents != 0;
      if (!ready) continue;  // only the set changed (or we stop): poll the new set
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stop_) return;
        armed_ = false;  // sleep until the owner has looked
      }
      pipe_signal(wake_[1]);
    }
  }

  int wake_[2];     // read end is the watch fd
  int control_[2];  // interrupts the helper's poll when the set changes
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<pollfd> set_;
  std::unordered_map<int, size_t> index_;
  std::vector<pollfd> scratch_;  // owner-thread copy for wait()
  bool armed_ = true;
  bool stop_ = false;
  std::thread helper_;
};

}  // namespace

std::unique_ptr<Poller> make_poll_poller(std::string* error) {
  int wake[2], control[2];
  if (!make_pipe(wake)) {
    if (error) *error = std::string("pipe: ") + std::strerror(errno);
    return nullptr;
  }
  if (!make_pipe(control)) {
    if (error) *error = std::string("pipe: ") + std::strerror(errno);
    ::close(wake[0]);
    ::close(wake[1]);
    return nullptr;
  }
  return std::make_unique<PollPoller>(wake, control);
}

}  // namespace detail
}  // namespace lapis
