#ifndef GUARDED_H
#define GUARDED_H
int guarded_value() { return 7; }
#endif
