#define 42 x
