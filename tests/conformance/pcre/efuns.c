// The cases of FluffOS's testsuite/single/tests/efuns/pcre.lpc, printed.
#define PCRE_I (1 << 16)
#define PCRE_M (1 << 17)

void create() {
  write(sprintf("%O\n", pcre_match("123", "^[0-9]+$")));
  write(sprintf("%O\n", pcre_assoc("testhahatest", ({ "haha", "te" }), ({ 2, 3 }), 4)));
  write(sprintf("%O\n", pcre_extract("bbracadabra", "([abc]+)")));
  write(sprintf("%O\n", pcre_match_all("http://www.ics.uci.edu/pub/ietf/uri/#Related",
    "^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?")));
  write(sprintf("%O\n", pcre_extract("alpha 99", "(?<word>\\w+) (?<num>\\d+)", 1)));
  write(pcre_replace("abc", "(A)", ({ "x" }), PCRE_I) + "\n");
  write(pcre_replace_callback("abc", "(A)", (: $1 + "!" :), PCRE_I) + "\n");
  write(sprintf("%O\n", pcre_match_all("a\nb\nc", "^b", PCRE_M)));
  write(sprintf("%O\n", pcre_match("x(y)", "(?P<p>\\()y\\)")));
  write(catch(pcre_match("aaa", "(?>a+)b")));
}
