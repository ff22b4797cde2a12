// Helper: middle of the chain.
inherit "/chain_a";
string id() { return "B>" + ::id(); }
