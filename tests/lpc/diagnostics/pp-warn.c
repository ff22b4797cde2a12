#warn deprecated file
int x;
