void other_fn() { }
