// Helper for late_binding.c.
string kind() { return "parent"; }
private string helper() { return "parent helper"; }
string describe() { return "I am " + kind(); }
string describe_via_call_other() { return "I am " + this_object()->kind(); }
string use_private() { return helper(); }
private string kept() { return "parent private kept"; }
string use_private_kept() { return kept(); }
