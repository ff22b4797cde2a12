// Helper for nomask.c.
nomask string fixed() { return "fixed"; }
