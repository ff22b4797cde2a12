string s = "abc
#define X
