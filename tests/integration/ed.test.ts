// The interactive line editor end to end over telnet (MudOS ed(): the user's
// typed lines go to the editor, its output and ":" prompt come back, `*`
// while entering text; x writes and quits, then the caller's exit function
// runs and commands work again). The object interface is in
// tests/efuns/ed-buffer.test.ts and tests/conformance/files/ed_session.c.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TelnetBot } from '../testbot/index.js';
import { cleanup, startDriver, tempMudlib } from './harness.js';
import { IT_MUDLIB } from './it-mudlib.js';

const bots: TelnetBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) b.close();
  await cleanup();
});

const ED_MUDLIB: Record<string, string> = {
  ...IT_MUDLIB,
  'user.c': `
void create() { seteuid(getuid()); }
void logon() { write("login: "); input_to("got_name"); }
void got_name(string s) {
  enable_commands();
  add_action("cmd_edit", "edit");
  add_action("cmd_echo", "echo");
  write("hello " + s + "\\n");
}
int cmd_edit(string file) {
  write_file(file, "abc\\n", 1);
  ed(file, "done_editing");
  return 1;
}
void done_editing() { write("done editing, in_edit " + in_edit(this_object()) + "\\n"); }
int cmd_echo(string a) { write("echo " + a + "\\n"); return 1; }
`,
};

describe('ed() for an interactive user', () => {
  it('edits a file through typed lines and calls the exit function after x', async () => {
    const dir = tempMudlib(ED_MUDLIB);
    const { port } = await startDriver(dir, 'it.conf', 'telnet');
    const bot = await TelnetBot.connect(port);
    bots.push(bot);
    await bot.expect('login: ');
    await bot.step('ann', 'hello ann');
    await bot.step('edit /notes', /"\/notes" 1 lines 4 bytes\n:/);
    await bot.step('1s/a/b/', ':');
    await bot.step('a', '*');
    bot.send('new line');
    await bot.step('.', ':');
    await bot.step(',p', /bbc\nnew line\n:/);
    await bot.step('x', /"\/notes" 2 lines 13 bytes\nExit from ed\.\ndone editing, in_edit 0/);
    await bot.step('echo back', 'echo back');
    expect(readFileSync(join(dir, 'notes'), 'utf8')).toBe('bbc\nnew line\n');
  });
});
