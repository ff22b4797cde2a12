// Worker-tier efun callbacks in the server's backend turn (driver/backend/
// driver.ts drains driver/vm/async-completions.ts): a command starts async
// work and returns at once; the callback runs in a later turn with
// this_player() restored to the user who typed the command, so write()
// reaches that user; a user who quits before the work completes gets
// nothing and the driver stays healthy.
import { describe, expect, it, vi } from 'vitest';
import { loginOwned, startDriver, ownedPerTest } from './helpers.js';

const MUDLIB: Record<string, string> = {
  'master.c': `
object connect(int port) { return new("/user"); }
void error_handler(mapping e, int caught) { debug_message("handled: " + e["error"]); }
`,
  'data.txt': 'file text\n',
  'user.c': `
string name;
void logon() { write("Name: "); input_to("got_name"); }
void got_name(string s) {
  name = s;
  enable_commands();
  add_action("cmd_read", "read");
  add_action("cmd_db", "db");
  add_action("cmd_quit", "quit");
  add_action("cmd_boom", "boom");
  write("Hello " + s + "\\n");
}
string query_name() { return name; }
int cmd_read(string arg) {
  async_read("/data.txt", (: write("for " + this_player()->query_name() + ": " + $1) :));
  write("reading\\n");
  return 1;
}
int cmd_db(string arg) {
  int h = db_connect("", ":memory:");
  async_db_exec(h, "SELECT '" + name + "' AS who", function(mixed n, int h) {
    write(sprintf("db %O %s %O\\n", n, this_player()->query_name(), db_fetch(h, 1)[0]));
    db_close(h);
  }, h);
  return 1;
}
int cmd_boom(string arg) {
  async_read("/data.txt", (: error("callback failed") :));
  return 1;
}
int cmd_quit(string arg) { async_read("/data.txt", (: write("late\\n") :)); destruct(this_object()); return 1; }
`,
};

const { running, clients } = ownedPerTest();

const login = (port: number, name: string) => loginOwned(port, name, clients);

describe('async callbacks in the backend turn', () => {
  it('restores this_player() so each user gets the answer to their own command', async () => {
    const { driver, port } = await startDriver(MUDLIB);
    running.push(driver);
    const ann = await login(port, 'ann');
    const bob = await login(port, 'bob');
    ann.send('read\r\n');
    bob.send('read\r\n');
    await ann.expect('reading\n');
    await ann.expect('for ann: file text\n');
    await bob.expect('for bob: file text\n');
    expect(ann.bytes.toString()).not.toContain('for bob');
    expect(bob.bytes.toString()).not.toContain('for ann');
  });

  it('runs async_db_exec callbacks for the right user', async () => {
    const { driver, port } = await startDriver(MUDLIB);
    running.push(driver);
    const ann = await login(port, 'ann');
    ann.send('db\r\n');
    await ann.expect('db 1 ann "ann"\n');
  });

  it('reports a failing callback to error_handler and keeps serving', async () => {
    const { driver, port } = await startDriver(MUDLIB);
    running.push(driver);
    let log = '';
    driver.rt.debugHook = (t) => void (log += t);
    const ann = await login(port, 'ann');
    ann.send('boom\r\n');
    ann.send('read\r\n');
    await ann.expect('for ann: file text\n');
    // The two reads finish on pool threads in either order: the failing
    // callback may run just after the one that answered.
    await vi.waitFor(() => expect(log).toContain('handled: *callback failed'), { timeout: 5000, interval: 20 });
  });

  it('drops the callback of a user object destructed before the work completed', async () => {
    const { driver, port } = await startDriver(MUDLIB);
    running.push(driver);
    const ann = await login(port, 'ann');
    ann.send('quit\r\n');
    await ann.waitClosed();
    const bob = await login(port, 'bob');
    bob.send('read\r\n');
    await bob.expect('for bob: file text\n');
    expect(ann.bytes.toString()).not.toContain('late');
    expect(driver.completions.pending).toBe(0);
  });
});
