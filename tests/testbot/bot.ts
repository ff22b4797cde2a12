// The testbot core, shared by the console and telnet bots: a transcript of
// everything received (as text, CR LF read as \n) and a cursor. expect()
// waits for a string or regex in the text after the cursor, returns the match
// and moves the cursor past it, as pexpect does; a timeout fails with a
// readable message showing what arrived since the cursor.

export interface ExpectOptions {
  /** Milliseconds to wait; default the bot's defaultTimeout (5000). */
  timeout?: number;
}

/** What expect() found: the matched text, its groups, and the text skipped before it. */
export interface ExpectMatch {
  text: string;
  groups: string[];
  before: string;
}

/** The failure of an expect(): carries the transcript tail for the report. */
export class ExpectError extends Error {
  constructor(message: string, readonly received: string) {
    super(message);
    this.name = 'ExpectError';
  }
}

/** Shows the end of a long text, escaped so that control characters are visible. */
export function showText(text: string, max = 1500): string {
  const shown = text.length > max ? '…' + text.slice(-max) : text;
  return JSON.stringify(shown);
}

export abstract class Bot {
  /** Everything received so far. */
  transcript = '';
  /** Offset in the transcript where the next expect() starts looking. */
  cursor = 0;
  defaultTimeout = 5000;
  /** True once the peer closed (EOF). */
  ended = false;
  private waiters: (() => void)[] = [];
  private readonly utf8 = new TextDecoder('utf-8');

  /** Sends one line (the bot adds the line ending). */
  abstract send(line: string): void;
  /** Stops the bot (closes its connection or kills its process). */
  abstract close(): void;
  /** What the bot is, for failure messages ("console lapis -f x.conf", "telnet 127.0.0.1:4000"). */
  abstract describe(): string;

  /** Appends received bytes (subclasses call this). */
  protected received(bytes: Uint8Array): void {
    const text = this.utf8.decode(bytes, { stream: true });
    if (text) this.receivedText(text);
  }

  private heldCR = false;

  protected receivedText(text: string): void {
    // Read CR LF as one newline and CR NUL as CR; a CR at the end of a chunk
    // waits for the next one, since its LF may still be on the way.
    let t = (this.heldCR ? '\r' : '') + text;
    this.heldCR = t.endsWith('\r');
    if (this.heldCR) t = t.slice(0, -1);
    this.transcript += t.replace(/\r\n/g, '\n').replace(/\r\0/g, '\r');
    this.notify();
  }

  protected receivedEnd(): void {
    const rest = this.utf8.decode() + (this.heldCR ? '\r' : '');
    this.heldCR = false;
    if (rest) this.transcript += rest;
    this.ended = true;
    this.notify();
  }

  protected notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves at the next change (data, end) or after `ms`. */
  protected waitChange(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** Text after the cursor. */
  get pending(): string {
    return this.transcript.slice(this.cursor);
  }

  /**
   * Waits for `pattern` in the text after the cursor; returns the match and
   * moves the cursor to its end. Fails on timeout or when the peer ends first.
   */
  async expect(pattern: string | RegExp, opts: ExpectOptions = {}): Promise<ExpectMatch> {
    const timeout = opts.timeout ?? this.defaultTimeout;
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = this.find(pattern);
      if (found) return found;
      if (this.ended) {
        throw new ExpectError(`${this.describe()}: ended while waiting for ${show(pattern)}; received since the last match:\n${showText(this.pending)}`, this.pending);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new ExpectError(`${this.describe()}: timed out after ${timeout} ms waiting for ${show(pattern)}; received since the last match:\n${showText(this.pending)}`, this.pending);
      }
      await this.waitChange(left);
    }
  }

  /** Sends a line, then expects `pattern` in what follows. */
  async step(line: string, pattern: string | RegExp, opts: ExpectOptions = {}): Promise<ExpectMatch> {
    this.cursor = this.transcript.length;
    this.send(line);
    return this.expect(pattern, opts);
  }

  /** Waits until the peer ends; fails with the pending text on timeout. */
  async expectEOF(opts: ExpectOptions = {}): Promise<string> {
    const timeout = opts.timeout ?? this.defaultTimeout;
    const deadline = Date.now() + timeout;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new ExpectError(`${this.describe()}: timed out after ${timeout} ms waiting for the end; received since the last match:\n${showText(this.pending)}`, this.pending);
      }
      await this.waitChange(left);
    }
    const rest = this.pending;
    this.cursor = this.transcript.length;
    return rest;
  }

  /** Fails when `pattern` shows up within `ms` (for "nothing else arrives" checks). */
  async expectNothing(pattern: string | RegExp, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.find(pattern, false);
      if (found) throw new ExpectError(`${this.describe()}: did not expect ${show(pattern)}, got it in:\n${showText(this.pending)}`, this.pending);
      const left = deadline - Date.now();
      if (left <= 0 || this.ended) return;
      await this.waitChange(left);
    }
  }

  private find(pattern: string | RegExp, advance = true): ExpectMatch | undefined {
    const text = this.pending;
    let index: number;
    let matched: string;
    let groups: string[] = [];
    if (typeof pattern === 'string') {
      index = text.indexOf(pattern);
      if (index < 0) return undefined;
      matched = pattern;
    } else {
      const re = new RegExp(pattern.source, pattern.flags.replace('g', '').replace('y', ''));
      const m = re.exec(text);
      if (!m) return undefined;
      index = m.index;
      matched = m[0];
      groups = m.slice(1).map((g) => g ?? '');
    }
    const before = text.slice(0, index);
    if (advance) this.cursor += index + matched.length;
    return { text: matched, groups, before };
  }
}

function show(pattern: string | RegExp): string {
  return typeof pattern === 'string' ? JSON.stringify(pattern) : String(pattern);
}
