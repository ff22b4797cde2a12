// Console mode through pipes (DESIGN.md "Console mode and testbots"): every
// piped line is processed, in order, even when stdin closes right after
// them (Neolith drops these); EOF then brings net_dead and exit code 0.
// input_to and get_char work from a pipe as well.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleBot } from '../testbot/index.js';
import { cleanup, tempMudlib } from './harness.js';
import { IT_MUDLIB } from './it-mudlib.js';

const bots: ConsoleBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) b.close();
  await cleanup();
});

function start(): { bot: ConsoleBot; dir: string } {
  const dir = tempMudlib(IT_MUDLIB);
  const bot = ConsoleBot.start({ config: join(dir, 'it.conf') });
  bot.defaultTimeout = 15_000;
  bots.push(bot);
  return { bot, dir };
}

describe('console pipe', () => {
  it('processes every line written before stdin closed at once, then net_dead and exit 0', async () => {
    const { bot, dir } = start();
    const N = 500;
    let text = 'pipe\n';
    for (let i = 1; i <= N; i++) text += `seq ${i}\n`;
    text += 'echo last line without a newline';
    bot.sendRaw(text);
    bot.closeInput();
    await bot.expectExit(0);
    const answers = [...bot.transcript.matchAll(/seq (\d+) #(\d+)/g)].map((m) => `${m[1]}#${m[2]}`);
    expect(answers).toEqual(Array.from({ length: N }, (_, i) => `${i + 1}#${i + 1}`));
    expect(bot.transcript).toContain('echo last line without a newline');
    expect(readFileSync(join(dir, 'net_dead.log'), 'utf8')).toBe(`net_dead pipe after ${N}\n`);
  });

  it('interactive use: answers arrive line by line, EOF ends the session with exit 0', async () => {
    const { bot, dir } = start();
    await bot.expect('login: ');
    await bot.step('con', 'hello con');
    await bot.step('seq 1', 'seq 1 #1');
    await bot.step('seq 2', 'seq 2 #2');
    bot.closeInput();
    await bot.expectEOF();
    await bot.expectExit(0);
    expect(readFileSync(join(dir, 'net_dead.log'), 'utf8')).toBe('net_dead con after 2\n');
  });

  it('input_to with no echo and get_char take their answers from the pipe', async () => {
    const { bot } = start();
    await bot.expect('login: ');
    await bot.step('con', 'hello con');
    await bot.step('ask', 'secret: ');
    await bot.step('opensesame', 'secret has 10 chars');
    await bot.step('key', 'press a key: ');
    bot.send('x');
    await bot.expect('key [x]');
    await bot.step('echo after the key', 'echo after the key');
    await bot.step('quit', 'bye con');
    await bot.expectExit(0);
  });

  it('get_char from a pipe: the rest of the line is typed-ahead input', async () => {
    const { bot } = start();
    await bot.expect('login: ');
    await bot.step('con', 'hello con');
    await bot.step('key', 'press a key: ');
    bot.send('xecho after the key');
    await bot.expect('key [x]');
    await bot.expect('echo after the key', { timeout: 1500 });
  });

  it('quit ends the driver with exit 0 and nothing after it runs', async () => {
    const { bot, dir } = start();
    bot.sendRaw('con\necho one\nquit\necho never\n');
    await bot.expectExit(0);
    expect(bot.transcript).toContain('echo one');
    expect(bot.transcript).toContain('bye con');
    expect(bot.transcript).not.toContain('echo never');
    expect(() => readFileSync(join(dir, 'net_dead.log'))).toThrow();
  });
});
