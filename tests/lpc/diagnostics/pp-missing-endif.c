int x;
#ifdef X
int y;
