string base_name = "base";
