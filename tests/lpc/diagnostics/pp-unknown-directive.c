#frob nicate
