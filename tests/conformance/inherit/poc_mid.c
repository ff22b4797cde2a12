// Helper for private_override_chain.c: overrides helper() privately.
inherit "/poc_base";
private string helper() { return "mid private helper"; }
