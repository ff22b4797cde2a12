int a;
string a;
