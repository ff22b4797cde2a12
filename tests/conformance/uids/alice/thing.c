// Helper for the uid cases.
inherit "/actor";
