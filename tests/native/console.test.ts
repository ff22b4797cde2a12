// The console end to end: a child Node process runs the compiled
// driver/backend/console.ts on its stdin (fixtures/console-child.mjs); the
// test writes to that stdin and reads back every event the child received.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(root, 'tests/native/fixtures/console-child.mjs');
const addon = process.env.LAPIS_NATIVE_ADDON ?? join(root, 'build/Release/lapis_native.node');
let compiled = '';

type ChildEvent = {
  kind?: string;
  line?: string;
  flag?: string;
  eof?: number;
  stopped?: boolean;
  shutdown?: boolean;
  echo?: boolean;
  single?: boolean;
  before?: string[];
  flags?: string[];
  rejected?: number;
};
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

interface Child {
  write(text: string): void;
  end(): void;
  /** Resolves once `count` events have arrived (or the child exited). */
  events(count: number): Promise<ChildEvent[]>;
  /** All events, once the child has exited, with its exit code. */
  done: Promise<{ code: number | null; events: ChildEvent[]; stderr: string }>;
}

function startChild(stdin: 'pipe' | number | 'ignore' = 'pipe', env: Record<string, string> = {}, tty = false): Child {
  // Under util-linux `script` the child's stdin is a pseudo-terminal whose
  // master script feeds from our pipe; its output comes back with CRLF.
  const command = tty ? 'script' : process.execPath;
  const args = tty ? ['-qfec', `'${process.execPath}' '${fixture}' '${compiled}'`, '/dev/null'] : [fixture, compiled];
  const child = spawn(command, args, {
    stdio: [stdin, 'pipe', 'pipe'],
    env: { ...process.env, LAPIS_NATIVE_ADDON: addon, ...env },
  });
  const events: ChildEvent[] = [];
  let partial = '';
  let stderr = '';
  let exited = false;
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const l of lines) {
      const text = l.replace(/\r$/, '');
      if (text.startsWith('{')) events.push(JSON.parse(text) as ChildEvent);
    }
    wake();
  });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const done = new Promise<{ code: number | null; events: ChildEvent[]; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      exited = true;
      wake();
      resolve({ code, events, stderr });
    });
  });
  return {
    write: (text) => child.stdin!.write(text),
    end: () => child.stdin!.end(),
    events: (count) =>
      new Promise((resolve) => {
        const check = () => (events.length >= count || exited ? resolve(events.slice()) : waiters.push(check));
        check();
      }),
    done,
  };
}

const lines = (events: ChildEvent[]) => events.filter((e) => e.line !== undefined).map((e) => e.line);

beforeAll(() => {
  // The child runs plain Node, so the wrappers are compiled for it (tsc takes
  // a fraction of a second for these three files).
  compiled = mkdtempSync(join(tmpdir(), 'lapis-console-'));
  const tsc = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '--ignoreConfig',
      join(root, 'driver/backend/console.ts'),
      '--outDir',
      compiled,
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      '--skipLibCheck',
      '--strict',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  writeFileSync(join(compiled, 'package.json'), '{"type":"module"}\n');
});

afterAll(() => {
  if (compiled) rmSync(compiled, { recursive: true, force: true });
});

describe('console (child process, piped stdin)', () => {
  it('delivers every line, whatever its terminator, then one EOF, then exits', async () => {
    const child = startChild();
    const [start] = await child.events(1);
    expect(start).toEqual({ kind: 'pipe' });
    child.write('north\nsay hello world\r\nlook\r');
    await child.events(4);
    child.write('\n'); // the LF of the CRLF split across writes: no empty line
    child.write('你好 wörld\n\n');
    child.write('last, unterminated');
    child.end();
    const { code, events, stderr } = await child.done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(events)).toEqual(['north', 'say hello world', 'look', '你好 wörld', '', 'last, unterminated']);
    expect(events.slice(1, -1).every((e) => e.flag === 'line')).toBe(true);
    expect(events.at(-1)).toEqual({ eof: 0, stopped: true });
  });

  it.each([
    ['the default queue', {}],
    ['a 16-cell queue that refuses when full', { LAPIS_TEST_QUEUE_CAPACITY: '16' }],
  ])('loses nothing of a large input written in bursts, through %s', async (_name, env: Record<string, string>) => {
    const child = startChild('pipe', env);
    await child.events(1);
    const count = 50_000;
    let chunk = '';
    for (let i = 0; i < count; i++) {
      chunk += `command ${i} ${'x'.repeat(i % 40)}${i % 2 ? '\r\n' : '\n'}`;
      if (chunk.length > 60_000) {
        child.write(chunk);
        chunk = '';
      }
    }
    child.write(chunk);
    child.end();
    const { code, events } = await child.done;
    expect(code).toBe(0);
    const got = lines(events);
    expect(got.length).toBe(count);
    const wrong = got.findIndex((l, i) => l !== `command ${i} ${'x'.repeat(i % 40)}`);
    expect(wrong).toBe(-1);
    expect(events.at(-1)?.eof).toBe(0);
    // With the small queue, posts really were refused and retried.
    if (env.LAPIS_TEST_QUEUE_CAPACITY) expect(events.at(-1)?.rejected).toBeGreaterThan(0);
  });

  it('reads a regular file to its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapis-console-file-'));
    const path = join(dir, 'input.txt');
    writeFileSync(path, 'one\r\ntwo\nthree');
    const fd = openSync(path, 'r');
    try {
      const { code, events } = await startChild(fd).done;
      expect(code).toBe(0);
      expect(events[0]).toEqual({ kind: 'file' });
      expect(lines(events)).toEqual(['one', 'two', 'three']);
      expect(events.at(-1)?.eof).toBe(0);
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends at once when stdin is /dev/null', async () => {
    const { code, events } = await startChild('ignore').done;
    expect(code).toBe(0);
    expect(events).toEqual([{ kind: 'other' }, { eof: 0, stopped: true }]);
  });

  it('stops reading when the runtime shuts down, so the process can exit', async () => {
    const child = startChild('pipe', { LAPIS_TEST_SHUTDOWN_AFTER: '2' });
    await child.events(1);
    child.write('one\ntwo\nthree\n');
    // stdin stays open: only the shutdown can let the child end.
    const { code, events } = await child.done;
    expect(code).toBe(0);
    expect(events.slice(1, 4)).toEqual([
      { line: 'one', flag: 'line' },
      { line: 'two', flag: 'line' },
      { shutdown: true },
    ]);
    // Lines read before the shutdown may still be in the batch being
    // delivered; nothing else follows, and no EOF (input never ended).
    expect(events.slice(4)).toEqual(events.length > 4 ? [{ line: 'three', flag: 'line' }] : []);
  });

  it('delivers characters one by one in single-char mode', async () => {
    const child = startChild('pipe', { LAPIS_TEST_SINGLE_CHAR: '1' });
    await child.events(1);
    child.write('ab');
    await child.events(3);
    child.write('é\n');
    child.end();
    const { events } = await child.done;
    expect(events.slice(1)).toEqual([
      { line: 'a', flag: 'char' },
      { line: 'b', flag: 'char' },
      { line: 'é', flag: 'char' },
      { line: '\n', flag: 'char' },
      { eof: 0, stopped: true },
    ]);
  });

  it.skipIf(!hasScript)('on a terminal: echo off and single-char mode, restored on stop', async () => {
    const child = startChild('pipe', { LAPIS_TEST_TTY: '1' }, true);
    const [start] = await child.events(1);
    expect(start).toEqual({
      kind: 'tty',
      before: ['echo', 'icanon'],
      echo: true,
      single: true,
      flags: ['-echo', '-icanon'],
    });
    child.write('x');
    await child.events(2); // a key arrives on its own, without a newline
    child.write('q');
    const { code, events } = await child.done;
    expect(code).toBe(0);
    expect(events.slice(1)).toEqual([
      { line: 'x', flag: 'char' },
      { line: 'q', flag: 'char' },
      { stopped: true, flags: ['echo', 'icanon'] },
    ]);
  });
});
