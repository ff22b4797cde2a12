int x = 12abc;
