// Helper for static_protected.c.
static string stat_fn() { return "static"; }
protected string prot_fn() { return "protected"; }
public string pub_fn() { return "public"; }
private string priv_fn() { return "private"; }
