#define ANSWER 42
#define NAME "constants"
