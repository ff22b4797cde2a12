// Helper: create() takes arguments from new()/clone_object().
mixed *got;
void create(mixed *args...) { got = args; }
mixed *query_got() { return got; }
void boom() { error("create-time failure"); }
