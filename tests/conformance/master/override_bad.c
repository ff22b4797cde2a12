// Helper: uses efun::shutdown (refused by valid_override).
void f() { efun::shutdown(0); }
