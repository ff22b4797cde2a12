// Helper: uses efun:: (allowed).
int f() { return efun::strlen("ab"); } function g() { return (: efun::sizeof :); }
