#define __FILE__ "x"
