#echo compiling the test
int x;
