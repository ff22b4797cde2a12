void f(string fmt, int rest...) { }
