// Helper for parent_initializers.c.
int parent_value = 20 + 1;
int *parent_list = ({ 1, 2 });
