// The command system and message efuns on a running driver: add_action verb
// flags, command(), process_input, prompts, query_verb/commands/remove_action,
// tell_room/message/catch_tell/receive/printf, heart beats with
// this_player(), remove_interactive, in_input, and binary ports.
import { describe, expect, it } from 'vitest';
import type { PortKind } from '../../driver/net/telnet.js';
import { RawClient, startDriver, step, ownedPerTest } from '../backend/helpers.js';

const MUDLIB: Record<string, string> = {
  'master.c': `
object connect(int port) { return new(port == 0 ? "/player" : "/player"); }
`,
  'room.c': `
void catch_tell(string s) { }
`,
  'listener.c': `
string *heard = ({ });
void catch_tell(string s) { heard += ({ s }); }
string *query_heard() { return heard; }
void move_me(object where) { move_object(where); }
`,
  'classy.c': `
void receive_message(string cls, string msg) { tell_object(environment(), "[" + cls + "] " + msg); }
void move_me(object where) { move_object(where); }
`,
  'player.c': `
int prompts;
int beats;
void logon() {
    enable_commands();
    move_object(load_object("/room"));
    clone_object("/listener")->move_me(environment());
    add_action("cmd_exact", "exact");
    add_action("cmd_short", "sh", 1);
    add_action("cmd_nospace", "'", 2);
    add_action("cmd_any", "", 1);
    add_action("cmd_command", "run");
    add_action("cmd_verbs", "verbs");
    add_action("cmd_drop", "dropverb");
    add_action("cmd_room", "room");
    add_action("cmd_message", "msg");
    add_action("cmd_receive", "rcv");
    add_action("cmd_printf", "pf");
    add_action("cmd_beat", "beat");
    add_action("cmd_kick", "kick");
    add_action("cmd_ask", "ask");
    add_action("cmd_fp", "fp");
    add_action("cmd_twice", "twice");
    add_action("cmd_noesc", "noesc");
    write("ready\\n");
}
mixed process_input(string line) {
    if (line == "rewrite") return "exact rewritten";
    if (line == "swallow") { write("swallowed\\n"); return 1; }
    return line;
}
void write_prompt() { write("[p" + (++prompts) + "] "); }
void input_prompt() { write("(waiting) "); }
int cmd_exact(string arg) { write("exact verb=" + query_verb() + " arg=" + (arg ? arg : "none") + "\\n"); return 1; }
int cmd_short(string arg) { write("short verb=" + query_verb() + " arg=" + (arg ? arg : "none") + "\\n"); return 1; }
int cmd_nospace(string arg) { write("nospace verb=" + query_verb() + " arg=" + arg + "\\n"); return 1; }
int cmd_any(string arg) {
    if (query_verb() != "catchall") return 0;
    write("any verb=" + query_verb() + "\\n");
    return 1;
}
int cmd_command(string arg) {
    int cost = command(arg);
    write("command cost>0=" + (cost > 0) + "\\n");
    return 1;
}
int cmd_verbs(string arg) {
    string *v = map(commands(), (: $1[0] :));
    write("has exact=" + (member_array("exact", v) >= 0) + " count=" + sizeof(v) + "\\n");
    return 1;
}
int cmd_drop(string arg) { write("removed=" + remove_action("cmd_exact", "exact") + "\\n"); return 1; }
int cmd_room(string arg) {
    object l = present_listener();
    tell_room(environment(), "to the room\\n", ({ this_object() }));
    write("listener heard=" + implode(l->query_heard(), "|"));
    return 1;
}
object present_listener() {
    foreach (object ob in all_inventory(environment())) if (ob->query_heard()) return ob;
    return 0;
}
int cmd_message(string arg) {
    object c = clone_object("/classy");
    c->move_me(this_object());
    message("combat", "you are hit\\n", c);
    destruct(c);
    return 1;
}
int cmd_receive(string arg) { receive("raw text\\n"); return 1; }
int cmd_printf(string arg) { printf("%-5s|%3d|\\n", "ab", 7); return 1; }
int cmd_beat(string arg) { set_heart_beat(1); return 1; }
void heart_beat() {
    beats++;
    if (this_player() == this_object()) write("beat " + beats + " tp ok\\n");
    if (beats >= 2) set_heart_beat(0);
}
int cmd_kick(string arg) { write("kicked\\n"); remove_interactive(this_object()); return 1; }
int cmd_ask(string arg) { input_to("answer"); write("in_input=" + in_input(this_object()) + "\\n"); return 1; }
void answer(string s) { write("answer=" + s + " in_input=" + in_input(this_object()) + "\\n"); }
int cmd_twice(string arg) {
    int first = input_to("first_answer");
    int second = input_to("second_answer");
    write("first=" + first + " second=" + second + "\\n");
    return 1;
}
void first_answer(string s) { write("first got " + s + "\\n"); }
void second_answer(string s) { write("second got " + s + "\\n"); }
int cmd_noesc(string arg) { input_to("noesc_answer", 2); return 1; }
void noesc_answer(string s) { write("noesc got " + s + "\\n"); }
int cmd_fp(string arg) { add_action((: write("pointer got " + $1 + "\\n"), 1 :), "ptr"); return 1; }
void net_dead() { }
`,
};

const { running, clients } = ownedPerTest();

async function session(extraConfig = 'HeartbeatInterval 50', kind: PortKind = 'telnet'): Promise<RawClient> {
  const r = await startDriver(MUDLIB, { extraConfig, kind });
  running.push(r.driver);
  const c = await RawClient.connect(r.port);
  clients.push(c);
  await c.expect('ready\n');
  return c;
}

describe('add_action', () => {
  it('matches exact verbs, short (flag 1), no-space (flag 2) and the empty catch-all verb', async () => {
    const c = await session();
    await step(c, 'exact  some args  ', 'exact verb=exact arg= some args\n');
    await step(c, 'exact', 'exact verb=exact arg=none\n');
    await step(c, 'shout loudly', 'short verb=shout arg=loudly\n');
    // MudOS: the verb of a no-space action is what follows it in the first word.
    await step(c, "'hello there", 'nospace verb=hello arg=hello there\n');
    await step(c, 'catchall now', 'any verb=catchall\n');
    await step(c, 'unknown', 'What?\n');
  });

  it('function pointer actions, commands(), remove_action', async () => {
    const c = await session();
    await step(c, 'fp', '[p');
    await step(c, 'ptr thing', 'pointer got thing\n');
    await step(c, 'verbs', 'has exact=1');
    await step(c, 'dropverb', 'removed=1\n');
    await step(c, 'verbs', 'has exact=0');
  });

  it('command() runs a line as this_object() and returns a positive eval cost', async () => {
    const c = await session();
    await step(c, 'run exact inner', /exact verb=exact arg=inner\ncommand cost>0=1\n/);
    await step(c, 'run nothing-here', /What\?\ncommand cost>0=0\n/);
  });
});

describe('input processing', () => {
  it('process_input rewrites a line (string) or takes it (non-zero)', async () => {
    const c = await session();
    await step(c, 'rewrite', 'exact verb=exact arg=rewritten\n');
    await step(c, 'swallow', 'swallowed\n');
  });

  it('only the first pending input_to wins', async () => {
    const c = await session();
    await step(c, 'twice', 'first=1 second=0\n');
    await step(c, 'hello', 'first got hello\n');
    expect(c.text).not.toContain('second got');
  });

  it('with noesc (flag 2) a line starting with ! goes to the input_to', async () => {
    const c = await session();
    await step(c, 'noesc', '(waiting) ');
    await step(c, '!exact', 'noesc got !exact\n');
  });

  it('write_prompt() after each command; input_prompt() while an input_to waits; in_input()', async () => {
    const c = await session();
    const first = await step(c, 'exact', /\[p\d+\] $/);
    expect(first).toMatch(/exact verb=exact arg=none\n\[p\d+\] $/);
    await step(c, 'ask', 'in_input=1\n(waiting) ');
    await step(c, 'forty-two', /answer=forty-two in_input=0\n\[p\d+\] $/);
  });
});

describe('messages', () => {
  it('tell_room with exclude reaches catch_tell of other objects', async () => {
    const c = await session();
    await step(c, 'room', 'listener heard=to the room\n');
  });

  it('message() goes through receive_message(class, message)', async () => {
    const c = await session();
    await step(c, 'msg', '[combat] you are hit\n');
  });

  it('receive() and printf()', async () => {
    const c = await session();
    await step(c, 'rcv', 'raw text\n');
    await step(c, 'pf', 'ab   |  7|\n');
  });
});

describe('timers and connections', () => {
  it('heart beats run every HeartbeatInterval with this_player() set to the living object', async () => {
    const c = await session('HeartbeatInterval 50');
    await step(c, 'beat', 'beat 2 tp ok\n');
    expect(c.text).toContain('beat 1 tp ok\n');
  });

  it('remove_interactive() closes the connection after its output', async () => {
    const c = await session();
    c.send('kick\r\n');
    await c.waitClosed();
    expect(c.text).toContain('kicked\n');
  });

  it('binary ports pass raw input to process_input as a buffer', async () => {
    const r = await startDriver({
      'master.c': 'object connect(int port) { return new("/raw"); }\n',
      'raw.c': `
void logon() { receive("raw ready\\n"); }
mixed process_input(mixed data) {
    receive(sprintf("%s %d\\n", bufferp(data) ? "buffer" : typeof(data), sizeof(data)));
    return 1;
}
`,
    }, { kind: 'binary' });
    running.push(r.driver);
    const c = await RawClient.connect(r.port);
    clients.push(c);
    await c.expect('raw ready\n');
    c.send(Buffer.from([1, 2, 255, 0, 10]));
    await c.expect('buffer 5\n');
  });
});
