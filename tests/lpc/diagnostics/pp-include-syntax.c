#include missing.h
