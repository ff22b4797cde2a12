string me() { return file_name(this_object()); }
