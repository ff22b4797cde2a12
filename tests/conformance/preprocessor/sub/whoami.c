// Helper for file_dir.c: __FILE__ and __DIR__ of a file in a sub-directory.
string file() { return __FILE__; }
string dir() { return __DIR__; }
