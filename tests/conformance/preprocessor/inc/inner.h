#define INNER_NAME "inner"
