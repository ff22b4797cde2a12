// HTTP efuns (driver/efuns/http.ts, Neolith PACKAGE_CURL): perform_using,
// perform_to, in_perform against a local HTTP server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryHost } from '../../driver/vm/host.js';
import { createRuntime, runApp } from '../../driver/app.js';
import { asyncOf } from '../../driver/vm/async-completions.js';
import { refusedPort } from '../refused-port.js';

let server: http.Server;
let base: string;
let closedPort: number;
/** Requests the server saw: method, url, headers and body. */
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/hello') return void res.end('hello world');
      if (req.url === '/echo') return void res.end(`${req.method} ${req.headers['x-token'] ?? '-'} ${body.toString()}`);
      if (req.url === '/empty') return void res.end();
      if (req.url === '/binary') return void res.end(Buffer.from([0, 1, 255]));
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/hello' });
        return void res.end('moved');
      }
      if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('slow ' + req.url), Number(req.url.slice(6)) || 200);
      res.writeHead(404);
      res.end('not found');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closedPort = await refusedPort();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function run(files: Record<string, string>): Promise<{ out: string; err: string }> {
  const host = new MemoryHost(files);
  const opts = { host, appPath: '/master.c', args: [] };
  await runApp(opts, createRuntime(opts));
  return { out: host.out, err: host.err };
}

const master = (body: string) => ({
  '/master.c': `
    void show(int ok, mixed res, mixed *extra...) {
      write(sprintf("ok=%d %s %O\\n", ok, bufferp(res) ? "buffer:" + read_buffer(res) : "error:" + res, extra));
    }
    ${body}`,
});

describe('perform_to', () => {
  it('GETs the url and calls back with (1, body buffer, args...)', async () => {
    const r = await run(master(`
      void create() {
        perform_using("url", "${base}/hello");
        perform_to("show", 0, "a", 7);
        write("in_perform " + in_perform() + "\\n");
      }`));
    expect(r.out).toBe('in_perform 1\nok=1 buffer:hello world ({ /* sizeof() == 2 */\n  "a",\n  7\n})\n');
  });

  it('POSTs a body with headers; a function pointer callback works too', async () => {
    const r = await run(master(`
      void create() {
        perform_using("url", "${base}/echo");
        perform_using("headers", ({ "X-Token: abc", "Content-Type: text/plain" }));
        perform_using("body", "payload");
        perform_to((: show :), 0);
      }`));
    expect(r.out).toBe('ok=1 buffer:POST abc payload ({ })\n');
  });

  it('keeps the configuration between transfers; 0 clears an option; a buffer body is sent as bytes', async () => {
    const r = await run(master(`
      int n;
      void again(int ok, buffer b) {
        write("first " + read_buffer(b) + "\\n");
        perform_using("post_data", 0);
        perform_to("show", 0);
      }
      void create() {
        perform_using("url", "${base}/echo");
        perform_using("post_data", allocate_buffer(2));
        perform_to("again", 0);
      }`));
    const lines = r.out.split('\n');
    expect(lines[0].startsWith('first POST - ')).toBe(true);
    expect(lines[1]).toBe('ok=1 buffer:GET -  ({ })');
    expect(seen.some((s) => s.method === 'POST' && s.body.equals(Buffer.from([0, 0])))).toBe(true);
  });

  it('supports "method" (Lapis extension), binary and empty bodies', async () => {
    const files = {
      ...master(`
        void bin(int ok, buffer b) { write(sprintf("bin %d %d %d %d\\n", sizeof(b), b[0], b[1], b[2])); }
        void create() {
          perform_using("url", "${base}/echo");
          perform_using("method", "put");
          perform_using("body", "x");
          perform_to("show", 0);
          clone_object("/other")->go("${base}/binary", (: bin :));
          clone_object("/other")->go("${base}/empty", function(int ok, buffer b) { write("empty " + ok + " " + sizeof(b) + "\\n"); });
        }`),
      '/other.c': `void go(string url, function f) { perform_using("url", url); perform_to(f, 0); }`,
    };
    const r = await run(files);
    expect(r.out.split('\n').filter(Boolean).sort()).toEqual(['bin 3 0 1 255', 'empty 1 0', 'ok=1 buffer:PUT - x ({ })']);
  });

  it('an HTTP error status is still a completed transfer; redirects follow only when asked', async () => {
    const files = {
      ...master(`
        void create() {
          clone_object("/other")->go("${base}/missing", (: show :));
          clone_object("/other")->go("${base}/redirect", (: show :));
          object f = clone_object("/other");
          f->follow();
          f->go("${base}/redirect", (: show :));
        }`),
      '/other.c': `
        void follow() { perform_using("follow_location", 1); }
        void go(string url, function f) { perform_using("url", url); perform_to(f, 0); }`,
    };
    const r = await run(files);
    expect(r.out.split('\n').filter(Boolean).sort()).toEqual([
      'ok=1 buffer:hello world ({ })',
      'ok=1 buffer:moved ({ })',
      'ok=1 buffer:not found ({ })',
    ]);
  });

  it('reports a refused connection and a timeout as (0, error text)', async () => {
    const files = {
      ...master(`
        void create() {
          clone_object("/other")->go("http://127.0.0.1:${closedPort}/", 0);
          clone_object("/other")->go("${base}/slow/2000", 100);
        }`),
      '/other.c': `
        void go(string url, int timeout) {
          perform_using("url", url);
          if (timeout) perform_using("timeout_ms", timeout);
          perform_to((: master()->show($1, $2) :), 0);
        }`,
    };
    const r = await run(files);
    expect(r.out.split('\n').filter(Boolean).sort()).toEqual([
      "ok=0 error:Couldn't connect to server ({ })",
      'ok=0 error:Timeout was reached ({ })',
    ]);
  });

  it('refuses a second transfer, option changes while busy, unknown options and a missing url', async () => {
    const r = await run(master(`
      void create() {
        write(catch(perform_to("show", 0)));
        write(catch(perform_using("bogus", 1)));
        write(catch(perform_using("url", 5)));
        perform_using("url", "${base}/slow/50");
        perform_to("show", 0);
        write(catch(perform_to("show", 0)));
        write(catch(perform_using("url", "${base}/hello")));
      }`));
    expect(r.out).toBe([
      '*perform_to: no "url" was set with perform_using()',
      '*perform_using: unknown option "bogus"',
      '*perform_using: "url" takes a string',
      '*perform_to: a transfer is already in progress',
      '*perform_using: a transfer is already in progress',
      'ok=1 buffer:slow /slow/50 ({ })',
      '',
    ].join('\n'));
  });

  it('destructing the object cancels its callback', async () => {
    const files = {
      ...master(`
        void create() {
          object o = clone_object("/other");
          o->go("${base}/slow/50");
          destruct(o);
          perform_using("url", "${base}/slow/100");
          perform_to("show", 0);
        }`),
      '/other.c': `
        void go(string url) { perform_using("url", url); perform_to((: write("should not run\\n") :), 0); }`,
    };
    const r = await run(files);
    expect(r.out).toBe('ok=1 buffer:slow /slow/100 ({ })\n');
  });

  it('can use a replacement service (hosts without fetch, tests)', async () => {
    const host = new MemoryHost(master(`void create() { perform_using("url", "mem://x"); perform_to("show", 0); }`));
    const opts = { host, appPath: '/master.c', args: [] };
    const rt = createRuntime(opts);
    asyncOf(rt).provide('http', { perform: async (req: { url: string }) => new TextEncoder().encode('fake ' + req.url) });
    await runApp(opts, rt);
    expect(host.out).toBe('ok=1 buffer:fake mem://x ({ })\n');
  });
});
