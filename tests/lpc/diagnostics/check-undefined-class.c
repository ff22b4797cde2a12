class nope p;
