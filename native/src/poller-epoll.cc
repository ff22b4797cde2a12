// The epoll backend of the poller contract (poller.h): level-triggered epoll
// plus one eventfd for wake-ups. The epoll descriptor itself is the watch fd,
// so an embedding loop sees socket readiness and wake-ups through one fd.
#include <cerrno>
#include <cstring>
#include <vector>

#include "poller.h"

#if defined(__linux__)
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace lapis {
namespace detail {
namespace {

uint32_t to_epoll(uint32_t interest) {
  // EPOLLRDHUP reports a peer's half-close even while we are not reading.
  uint32_t ev = EPOLLRDHUP;
  if (interest & kPollIn) ev |= EPOLLIN;
  if (interest & kPollOut) ev |= EPOLLOUT;
  return ev;
}

uint32_t from_epoll(uint32_t ev) {
  uint32_t bits = 0;
  if (ev & EPOLLIN) bits |= kPollIn;
  if (ev & EPOLLOUT) bits |= kPollOut;
  if (ev & (EPOLLHUP | EPOLLRDHUP)) bits |= kPollHup;
  if (ev & EPOLLERR) bits |= kPollErr;
  return bits;
}

class EpollPoller final : public Poller {
 public:
  EpollPoller(int epfd, int wakefd) : epfd_(epfd), wakefd_(wakefd) {}
  ~EpollPoller() override {
    ::close(wakefd_);
    ::close(epfd_);
  }

  const char* name() const override { return "epoll"; }
  int watch_fd() const override { return epfd_; }

  bool add(int fd, uint32_t interest) override { return ctl(EPOLL_CTL_ADD, fd, interest); }
  bool modify(int fd, uint32_t interest) override { return ctl(EPOLL_CTL_MOD, fd, interest); }
  void remove(int fd) override { ::epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr); }

  int wait(PollEvent* out, int max, int timeout_ms) override {
    if (max <= 0) return 0;
    // One extra slot so the wake-up event never crowds out a socket.
    if (buffer_.size() < static_cast<size_t>(max) + 1) buffer_.resize(max + 1);
    int n;
    do {
      n = ::epoll_wait(epfd_, buffer_.data(), max + 1, timeout_ms);
    } while (n < 0 && errno == EINTR);
    int count = 0;
    for (int i = 0; i < n; ++i) {
      if (buffer_[i].data.fd == wakefd_) {
        uint64_t drained;
        while (::read(wakefd_, &drained, sizeof drained) < 0 && errno == EINTR) {
        }
        continue;
      }
      if (count < max) out[count++] = PollEvent{buffer_[i].data.fd, from_epoll(buffer_[i].events)};
    }
    return count;
  }

  void clear_wake() override {
    uint64_t drained;
    while (::read(wakefd_, &drained, sizeof drained) < 0 && errno == EINTR) {
    }
  }

  void wake() override {
    const uint64_t one = 1;
    while (::write(wakefd_, &one, sizeof one) < 0 && errno == EINTR) {
    }
  }

 private:
  bool ctl(int op, int fd, uint32_t interest) {
    epoll_event ev{};
    ev.events = to_epoll(interest);
    ev.data.fd = fd;
    return ::epoll_ctl(epfd_, op, fd, &ev) == 0;
  }

  const int epfd_;
  const int wakefd_;
  std::vector<epoll_event> buffer_;
};

}  // namespace

std::unique_ptr<Poller> make_epoll_poller(std::string* error) {
  const int epfd = ::epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) {
    if (error) *error = std::string("epoll_create1: ") + std::strerror(errno);
    return nullptr;
  }
  const int wakefd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wakefd < 0) {
    if (error) *error = std::string("eventfd: ") + std::strerror(errno);
    ::close(epfd);
    return nullptr;
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wakefd;
  if (::epoll_ctl(epfd, EPOLL_CTL_ADD, wakefd, &ev) != 0) {
    if (error) *error = std::string("epoll_ctl(eventfd): ") + std::strerror(errno);
    ::close(wakefd);
    ::close(epfd);
    return nullptr;
  }
  return std::make_unique<EpollPoller>(epfd, wakefd);
}

}  // namespace detail
}  // namespace lapis

#else  // !__linux__

namespace lapis {
namespace detail {
std::unique_ptr<Poller> make_epoll_poller(std::string* error) {
  if (error) *error = "epoll is only available on Linux";
  return nullptr;
}
}  // namespace detail
}  // namespace lapis

#endif
