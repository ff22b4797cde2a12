#pragma fast_please
int x;
