// A testbot on the driver's console (-c) through pipes: lines go to stdin,
// stdout is the transcript, and the exit code is checked at the end. This is
// the flow DESIGN.md promises testbots ("Console mode and testbots").
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Bot, ExpectError, showText, type ExpectOptions } from './bot.js';
import { lapisCommand } from './lapis-command.js';

export interface ConsoleBotOptions {
  /** The config file (-f). */
  config: string;
  /** More command-line arguments, after `-f conf -c`. */
  args?: string[];
  /** Working directory (default the config file's directory). */
  cwd?: string;
  env?: Record<string, string>;
}

export class ConsoleBot extends Bot {
  readonly child: ChildProcess;
  stderr = '';
  /** Resolves with the exit code (or the signal name) once the process ended. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exited = false;

  private constructor(child: ChildProcess, private readonly label: string) {
    super();
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => this.received(d));
    child.stdout!.on('end', () => this.receivedEnd());
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    child.stdin!.on('error', () => {});
    this.exit = new Promise((resolve) =>
      child.on('close', (code, signal) => {
        this.exited = true;
        this.receivedEnd();
        resolve({ code, signal });
      }),
    );
  }

  /** Spawns `lapis -f config -c [args]` with stdin and stdout as pipes. */
  static start(opts: ConsoleBotOptions): ConsoleBot {
    const cmd = lapisCommand();
    const args = [...cmd.args, '-f', opts.config, '-c', ...(opts.args ?? [])];
    const child = spawn(cmd.node, args, {
      cwd: opts.cwd ?? join(opts.config, '..'),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...cmd.env, ...opts.env },
    });
    return new ConsoleBot(child, `console lapis -f ${opts.config} -c`);
  }

  describe(): string {
    return this.label + (this.stderr ? ` (stderr: ${showText(this.stderr, 600)})` : '');
  }

  send(line: string): void {
    this.child.stdin!.write(line + '\n');
  }

  /** Writes text as is (no line ending added). */
  sendRaw(text: string | Uint8Array): void {
    this.child.stdin!.write(text);
  }

  /** Closes stdin: the driver sees EOF. */
  closeInput(): void {
    this.child.stdin!.end();
  }

  /** Waits for the process to end and checks its exit code. */
  async expectExit(code = 0, opts: ExpectOptions = {}): Promise<void> {
    const timeout = opts.timeout ?? this.defaultTimeout;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const result = await Promise.race([
      this.exit,
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeout))),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') {
      throw new ExpectError(`${this.describe()}: still running after ${timeout} ms, expected exit ${code}; received since the last match:\n${showText(this.pending)}`, this.pending);
    }
    if (result.code !== code) {
      throw new ExpectError(
        `${this.describe()}: exited with ${result.code ?? result.signal}, expected ${code}; received since the last match:\n${showText(this.pending)}`,
        this.pending,
      );
    }
  }

  close(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
