#pragma strict_types
create() { }
query() { return 1; }
