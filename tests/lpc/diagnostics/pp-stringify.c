#define S(a) #b
string s = S(1);
