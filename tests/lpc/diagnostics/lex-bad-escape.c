string s = "\q";
