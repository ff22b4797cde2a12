// An include guard makes a second #include of the same file a no-op.
#include "inc/guarded.h"
#include "inc/guarded.h"
#include "./inc/guarded.h"

void create() {
  write(guarded_value() + "\n");
}
