// Helper: a child of chain_b, cloned by inherited_call_other.c.
inherit "/chain_b";
string id() { return "H>" + ::id(); }
