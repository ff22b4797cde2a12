#define LT_SEC 0
#define LT_MIN 1
#define LT_HOUR 2
#define LT_MDAY 3
#define LT_MON 4
#define LT_YEAR 5
#define LT_WDAY 6
#define LT_YDAY 7
#define LT_GMTOFF 8
#define LT_ZONE 9
#define LT_ISDST 10

void check(int t) {
  mixed *lt = localtime(t);
  string *months = ({ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" });
  string *days = ({ "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" });
  string expect = sprintf("%s %s %2d %02d:%02d:%02d %d", days[lt[LT_WDAY]], months[lt[LT_MON]],
    lt[LT_MDAY], lt[LT_HOUR], lt[LT_MIN], lt[LT_SEC], lt[LT_YEAR]);
  int secs = lt[LT_HOUR] * 3600 + lt[LT_MIN] * 60 + lt[LT_SEC] - lt[LT_GMTOFF];
  write(sprintf("defined %d ", sizeof(filter(lt, (: undefinedp :))) == 0));
  write(sprintf("size %d ctime %s utc %s zone %s isdst %s yday %s\n", sizeof(lt),
    expect == ctime(t) ? "ok" : expect + " vs " + ctime(t),
    (secs - t % 86400) % 86400 == 0 ? "ok" : "bad",
    stringp(lt[LT_ZONE]) && strlen(lt[LT_ZONE]) ? "ok" : "bad",
    lt[LT_ISDST] == 0 || lt[LT_ISDST] == 1 ? "ok" : "bad",
    lt[LT_YDAY] >= 0 && lt[LT_YDAY] <= 365 ? "ok" : "bad"));
}

void create() {
  check(0);
  check(951782400);  // 2000-02-29 00:00 UTC
  check(1719835200); // 2024-07-01 12:00 UTC
  write(sprintf("%d %d\n", localtime(1719835200)[LT_YEAR] >= 2024, localtime(1719835200)[LT_MON]));
}
