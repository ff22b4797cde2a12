// The smoke scenario (after Neolith's m3 smoke_test.py, replayed with our own
// mudlib in tests/fixtures/smoke_mudlib): welcome, say, help, alias
// navigation through the rooms with look checks, then "shutdown now" and a
// clean exit — through a console pipe and over telnet. Then the everyday
// play of two players (look, say, walk, get/drop, who, quit), on the smoke
// mudlib and on the bundled one.
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleBot, TelnetBot, type Bot } from '../testbot/index.js';
import { BUNDLED_MUDLIB, SMOKE_MUDLIB, cleanup, consoleConfig, startDriver, tempMudlib } from './harness.js';

const bots: Bot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) b.close();
  await cleanup();
});

function keep<T extends Bot>(b: T): T {
  bots.push(b);
  return b;
}

/** The m3 scenario after the welcome banner and the name. */
async function m3Scenario(bot: Bot): Promise<void> {
  await bot.step('say Hello from the testbot!', 'You say: Hello from the testbot!');
  await bot.step('help', 'Available commands:');
  await bot.expect('shutdown');
  await bot.expect('alias <n> <c>');
  await bot.step('n', 'Observatory');
  await bot.expect('Obvious exits are:');
  await bot.step('l telescope', 'pointed at the sky');
  await bot.step('e', 'East Wing');
  await bot.step('w', 'Observatory');
  await bot.step('w', 'West Wing');
  await bot.step('e', 'Observatory');
  await bot.step('s', 'Starting Room');
  await bot.step('shutdown now', 'Shutting down...');
}

describe('smoke scenario (m3-style) on the smoke mudlib', () => {
  it('runs through a console pipe and exits 0 after shutdown', async () => {
    const dir = tempMudlib(SMOKE_MUDLIB);
    const bot = keep(ConsoleBot.start({ config: consoleConfig(dir, 'smoke.conf') }));
    bot.defaultTimeout = 15_000; // the first expect includes the driver's start-up
    await bot.expect('Welcome to Smoke');
    bot.defaultTimeout = 5000;
    await bot.step('Ann', 'Hello, Ann.');
    await m3Scenario(bot);
    await bot.expectEOF();
    await bot.expectExit(0);
  });

  it('runs over telnet and the connection ends with the driver', async () => {
    const dir = tempMudlib(SMOKE_MUDLIB);
    const { driver, port } = await startDriver(dir, 'smoke.conf');
    const bot = keep(await TelnetBot.connect(port));
    await bot.expect('Welcome to Smoke');
    await bot.expect('What is your name? ');
    await bot.step('Ann', 'Hello, Ann.');
    await m3Scenario(bot);
    await bot.expectEOF();
    expect(await driver.exited).toBe(0);
  });

  it('keeps aliases per player: alias, use, list, unalias', async () => {
    const dir = tempMudlib(SMOKE_MUDLIB);
    const { port } = await startDriver(dir, 'smoke.conf');
    const bot = keep(await TelnetBot.connect(port));
    await bot.step('Ann', 'Hello, Ann.');
    await bot.step('alias hi say hello all', 'Alias hi = say hello all');
    await bot.step('hi', 'You say: hello all');
    await bot.step('aliases', /hi = say hello all/);
    await bot.step('unalias hi', 'Alias hi removed.');
    await bot.step('hi', 'What?');
  });
});

describe('two players (look, say, walk, get/drop, who, quit)', () => {
  it('on the smoke mudlib over telnet', async () => {
    const dir = tempMudlib(SMOKE_MUDLIB);
    const { port } = await startDriver(dir, 'smoke.conf');
    const a = keep(await TelnetBot.connect(port));
    await a.step('Ann', 'You see a copper coin here.');
    const b = keep(await TelnetBot.connect(port));
    await b.step('Bob', 'Ann is here.');
    await a.expect('Bob arrives.');
    await a.step('look', 'Bob is here.');
    await a.step('say hi Bob', 'You say: hi Bob');
    await b.expect('Ann says: hi Bob');
    await b.step('who', '2 playing: Ann, Bob');
    await a.step('get coin', 'You take a copper coin.');
    await b.expect('Ann takes a copper coin.');
    await a.step('i', 'You carry a copper coin.');
    await a.step('n', 'Observatory');
    await b.expect('Ann leaves north.');
    await a.step('drop coin', 'You drop a copper coin.');
    await a.step('look', 'You see a copper coin here.');
    await b.step('n', 'Ann is here.');
    await a.expect('Bob arrives.');
    await b.step('get coin', 'You take a copper coin.');
    await a.step('dance', 'What?');
    await a.step('quit', 'Goodbye, Ann.');
    await a.expectEOF();
    await b.expect('Ann leaves.');
    await b.step('who', '1 playing: Bob');
  });

  it('on the smoke mudlib through a console pipe (one player: look, get/drop, who, quit)', async () => {
    const dir = tempMudlib(SMOKE_MUDLIB);
    const bot = keep(ConsoleBot.start({ config: consoleConfig(dir, 'smoke.conf') }));
    bot.defaultTimeout = 15_000;
    await bot.expect('What is your name? ');
    bot.defaultTimeout = 5000;
    await bot.step('Ann', 'You see a copper coin here.');
    await bot.step('get coin', 'You take a copper coin.');
    await bot.step('n', 'Observatory');
    await bot.step('drop coin', 'You drop a copper coin.');
    await bot.step('look', 'You see a copper coin here.');
    await bot.step('who', '1 playing: Ann');
    await bot.step('look at dome', 'Stars show faintly');
    await bot.step('quit', 'Goodbye, Ann.');
    await bot.expectEOF();
    await bot.expectExit(0);
  });

  it('on the bundled mudlib over telnet', async () => {
    const dir = tempMudlib(BUNDLED_MUDLIB);
    const { port } = await startDriver(dir, 'lapis.conf');
    const a = keep(await TelnetBot.connect(port));
    await a.expect('What is your name? ');
    await a.step('Mira', 'Choose a password: ');
    expect(a.saw('will', 1)).toBe(true); // WILL ECHO hides the password
    await a.step('secret1', 'Again');
    await a.step('secret1', 'Hello, Mira.');
    await a.expect('The Lapis Square');
    const b = keep(await TelnetBot.connect(port));
    await b.expect('What is your name? ');
    await b.step('Tobin', 'Choose a password: ');
    await b.step('pw1234', 'Again');
    await b.step('pw1234', 'Hello, Tobin.');
    await a.expect('Tobin arrives.');
    await a.step('look', 'Tobin');
    await a.step('say hello there', 'You say: hello there');
    await b.expect('Mira says: hello there');
    await b.step('who', /2 players online:[\s\S]*Mira[\s\S]*Tobin/);
    await a.step('get coin', 'You take a gold coin.');
    await b.expect('Mira takes a gold coin.');
    await a.step('north', 'The Blue Tavern');
    await b.expect('Mira leaves north.');
    await a.step('drop coin', 'You drop a gold coin.');
    await a.step('quit', 'Goodbye, Mira.');
    await a.expectEOF();
    await b.step('who', /1 player/);
  });

  it('on the bundled mudlib through a console pipe (admin logs in directly)', async () => {
    const dir = tempMudlib(BUNDLED_MUDLIB);
    const bot = keep(ConsoleBot.start({ config: consoleConfig(dir, 'lapis.conf') }));
    bot.defaultTimeout = 15_000;
    await bot.expect('Hello, Admin.');
    bot.defaultTimeout = 5000;
    await bot.step('look', 'The Lapis Square');
    await bot.step('say testing', 'You say: testing');
    await bot.step('north', 'The Blue Tavern');
    await bot.step('get lantern', 'You take a brass lantern.');
    await bot.step('inventory', 'You carry a brass lantern.');
    await bot.step('drop lantern', 'You drop a brass lantern.');
    await bot.step('who', /1 player/);
    await bot.step('south', 'The Lapis Square');
    await bot.step('quit', 'Goodbye, Admin.');
    await bot.expectEOF();
    await bot.expectExit(0);
  });
});

describe('the testbot itself', () => {
  it('fails an expect with a readable message showing what arrived', async () => {
    const dir = tempMudlib(SMOKE_MUDLIB);
    const { port } = await startDriver(dir, 'smoke.conf');
    const bot = keep(await TelnetBot.connect(port));
    await bot.step('Ann', 'Hello, Ann.');
    bot.send('say checking');
    const err = await bot.expect('never printed', { timeout: 300 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/timed out after 300 ms waiting for "never printed"/);
    expect((err as Error).message).toContain('You say: checking');
  });
});

