#define WHERE_FILE __FILE__
