// Test helpers for the backend: a temporary mudlib on disk, an in-process
// Driver on a free loopback port, and a raw TCP client that records every
// byte and waits for expected text.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';
import { parseConfigText, type LapisConfig } from '../../driver/config.js';
import { Driver, type DriverOptions } from '../../driver/backend/driver.js';
import type { PortKind } from '../../driver/net/telnet.js';

/** Writes `files` (mudlib path → text) into a fresh temp directory with a config file. */
export function makeMudlib(files: Record<string, string>, extraConfig = ''): { dir: string; config: LapisConfig } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lapis-backend-'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  const confText = `MudlibDir .\nMasterFile /master.c\nPort 4000\n${extraConfig}\n`;
  fs.writeFileSync(path.join(dir, 'test.conf'), confText);
  const parsed = parseConfigText(confText, path.join(dir, 'test.conf'));
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  return { dir, config: parsed.config };
}

/** Starts a driver for a temp mudlib on 127.0.0.1, port 0 (telnet unless told). */
export async function startDriver(
  files: Record<string, string>,
  opts: { kind?: PortKind; extraConfig?: string; driver?: Partial<DriverOptions> } = {},
): Promise<{ driver: Driver; port: number; dir: string; log: string[] }> {
  const { dir, config } = makeMudlib(files, opts.extraConfig);
  const log: string[] = [];
  const driver = await Driver.start({
    config,
    ports: [{ port: 0, kind: opts.kind ?? 'telnet' }],
    address: '127.0.0.1',
    reverseDns: false,
    log: (t) => log.push(t),
    ...opts.driver,
  });
  return { driver, port: driver.ports[0]?.bound ?? 0, dir, log };
}

/** A raw TCP client: everything received is kept; expect() waits for text. */
export class RawClient {
  readonly socket: net.Socket;
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host }, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** All bytes received so far. */
  get bytes(): Buffer {
    return this.buf;
  }

  /** Received text with telnet commands (IAC sequences) removed and CR LF read as \n. */
  get text(): string {
    return stripTelnet(this.buf).toString('utf8').replace(/\r\n/g, '\n');
  }

  send(text: string | Uint8Array): void {
    this.socket.write(text);
  }

  /** Waits until `test` holds for the received text (or bytes); fails with what arrived. */
  async waitFor(test: (c: RawClient) => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test(this)) {
      if (this.closed) throw new Error(`connection closed while waiting for ${what}; got:\n${JSON.stringify(this.text)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got:\n${JSON.stringify(this.text)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for a string or regex in the text received after `from` (a text offset). */
  async expect(pattern: string | RegExp, timeoutMs = 5000, from = 0): Promise<string> {
    const match = (c: RawClient) => {
      const t = c.text.slice(from);
      return typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t);
    };
    await this.waitFor(match, String(pattern), timeoutMs);
    return this.text;
  }

  async waitClosed(timeoutMs = 5000): Promise<void> {
    await this.waitFor((c) => c.closed, 'the connection to close', timeoutMs).catch((e) => {
      if (!this.closed) throw e;
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * The drivers and clients a test file starts: push them onto these lists and
 * they are closed and stopped after each test (registers the afterEach).
 */
export function ownedPerTest(): { running: Driver[]; clients: RawClient[] } {
  const running: Driver[] = [];
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const d of running.splice(0)) await d.stop();
  });
  return { running, clients };
}

/** A RawClient on `port`, added to `owned` (the test file's list, closed after each test). */
export async function connectOwned(port: number, owned: RawClient[]): Promise<RawClient> {
  const c = await RawClient.connect(port);
  owned.push(c);
  return c;
}

/** A client logged in as `name` through the test mudlibs' logon: its "Name: " prompt, then "Hello <name>\n". */
export async function loginOwned(port: number, name: string, owned: RawClient[]): Promise<RawClient> {
  const c = await connectOwned(port, owned);
  await c.expect('Name: ');
  c.send(name + '\r\n');
  await c.expect(`Hello ${name}\n`);
  return c;
}

/** Sends a line (CR LF) and waits for `expected` in what arrives after it; returns that text. */
export async function step(c: RawClient, line: string, expected: string | RegExp): Promise<string> {
  const from = c.text.length;
  c.send(line + '\r\n');
  await c.expect(expected, 5000, from);
  return c.text.slice(from);
}

/** Removes IAC sequences (commands, negotiations, sub-negotiations) from received bytes. */
export function stripTelnet(buf: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b !== 255) {
      out.push(b);
      continue;
    }
    const cmd = buf[i + 1];
    if (cmd === 255) {
      out.push(255);
      i++;
    } else if (cmd === 250) {
      let j = i + 2;
      while (j < buf.length && !(buf[j] === 255 && buf[j + 1] === 240)) j++;
      i = j + 1;
    } else if (cmd >= 251 && cmd <= 254) {
      i += 2;
    } else {
      i++;
    }
  }
  return Buffer.from(out);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
