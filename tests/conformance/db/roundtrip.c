// A FluffOS-style session: connect, create, insert, select, fetch every row
// as the FluffOS db_fetch example does, async_db_exec, close.
#ifndef __PACKAGE_DB__
#error __PACKAGE_DB__ should be defined
#endif

int h;

void create() {
  mixed rows;
  h = db_connect("localhost", ":memory:", "mud", __USE_SQLITE3__);
  write(sprintf("handle %O\n", h));
  db_exec(h, "CREATE TABLE t_player (player_name TEXT, exp INTEGER, ratio REAL)");
  db_exec(h, "INSERT INTO t_player VALUES ('ann', 1200, 0.5), ('bob', 30, 1.25)");
  rows = db_exec(h, "SELECT player_name, exp, ratio FROM t_player ORDER BY exp");
  if (stringp(rows)) write(rows);
  else {
    write(sprintf("%d rows, columns %O\n", rows, db_fetch(h, 0)));
    for (int i = 1; i <= rows; i++) write(sprintf("%O\n", db_fetch(h, i)));
  }
  write(sprintf("%O\n", db_exec(h, "SELECT nonsense FROM")));
  write(db_status());
  async_db_exec(h, "SELECT count(*) AS n FROM t_player", function(mixed n) {
    write(sprintf("async %O %O %O\n", n, db_fetch(h, 0), db_fetch(h, 1)));
    write(sprintf("close %d\n", db_close(h)));
    write(sprintf("status %O\n", db_status()));
  });
}
