// Helper for recursion_call_other.c.
int bounce(int n) { return "/recursion_call_other"->bounce(n + 1); }
