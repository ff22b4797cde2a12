#error not supported here
