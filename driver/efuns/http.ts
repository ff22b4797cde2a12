// HTTP efuns (Neolith PACKAGE_CURL): perform_using, perform_to, in_perform.
//
// Neolith docs/efuns/perform_*.md: each object has one request configuration
// that persists between transfers, set with perform_using(option, value):
//   "url"              string (0 clears)
//   "headers"          string or string array, "Name: value" each (0 clears)
//   "post_data"/"body" string or buffer; makes the request a POST (0 clears)
//   "timeout_ms"       int
//   "follow_location"  int, non-zero follows redirects
// Lapis adds "method" (a string such as "PUT"; 0 restores GET/POST).
// perform_to(fun, flag, args...) starts the transfer and returns at once; the
// callback (a function pointer, or a function name in this object) later
// gets (1, buffer body, args...) when the transfer completed — whatever the
// HTTP status, as with libcurl — or (0, error text, args...). One transfer per
// object at a time; destructing the object cancels its callback;
// in_perform() tells whether one is in flight.
//
// The transfer runs through the "http" service; by default the platform's
// fetch() (non-blocking I/O on Node's loop, or the browser's), which tests
// may replace.
import { defineEfuns } from './registry.js';
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import type { LpcObject } from '../vm/object.js';
import { asyncOf } from '../vm/async-completions.js';
import { LBuffer, LFunction, type Value } from '../vm/values.js';

const vm = (rt: RuntimeApi) => rt as Runtime;
const UTF8_ENCODE = new TextEncoder();

export interface HttpRequest {
  url: string;
  /** "Name: value" lines. */
  headers: string[];
  method: string;
  body?: Uint8Array;
  timeoutMs?: number;
  followLocation: boolean;
}

export interface HttpService {
  /** The response body; rejects with an Error whose message is the failure text. */
  perform(req: HttpRequest): Promise<Uint8Array>;
}

/** libcurl's wording for the failures fetch() reports by error code. */
const FAILURE_TEXT: Record<string, string> = {
  ECONNREFUSED: "Couldn't connect to server",
  ENOTFOUND: "Couldn't resolve host name",
  EAI_AGAIN: "Couldn't resolve host name",
  ECONNRESET: 'Failure when receiving data from the peer',
  UND_ERR_SOCKET: 'Failure when receiving data from the peer',
  UND_ERR_CONNECT_TIMEOUT: 'Timeout was reached',
  UND_ERR_HEADERS_TIMEOUT: 'Timeout was reached',
  UND_ERR_BODY_TIMEOUT: 'Timeout was reached',
};

/** The default service: fetch(). */
export const fetchService: HttpService = {
  async perform(req) {
    const headers: [string, string][] = [];
    for (const line of req.headers) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method,
        headers,
        body: req.body,
        redirect: req.followLocation ? 'follow' : 'manual',
        signal: req.timeoutMs && req.timeoutMs > 0 ? AbortSignal.timeout(req.timeoutMs) : undefined,
      });
      return new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      throw new Error(failureText(e));
    }
  },
};

function failureText(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'Timeout was reached';
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code && FAILURE_TEXT[cause.code]) return FAILURE_TEXT[cause.code];
    if (e instanceof TypeError && /invalid url|failed to parse url/i.test(e.message + (cause?.message ?? ''))) {
      return 'URL using bad/illegal format or missing URL';
    }
    return cause?.message ?? e.message;
  }
  return String(e);
}

interface RequestConfig {
  url?: string;
  headers: string[];
  body?: Uint8Array;
  method?: string;
  timeoutMs?: number;
  followLocation: boolean;
}

const configs = new WeakMap<LpcObject, RequestConfig>();

function currentObject(rt: RuntimeApi, efun: string): LpcObject {
  const cur = vm(rt).cur;
  if (!cur || cur.destructed) return rt.error(`${efun}: no current object\n`);
  return cur;
}

function inPerform(rt: RuntimeApi, ob: LpcObject): boolean {
  return asyncOf(vm(rt)).pendingOf(ob, 'perform_to') > 0;
}

function noNul(rt: RuntimeApi, opt: string, s: string): string {
  if (s.includes('\0')) rt.error(`perform_using: "${opt}" must not contain NUL bytes\n`);
  return s;
}

const OPTIONS: Record<string, (rt: RuntimeApi, c: RequestConfig, v: Value, opt: string) => void> = {
  url: (rt, c, v, opt) => {
    if (v === 0) c.url = undefined;
    else if (typeof v === 'string') c.url = noNul(rt, opt, v);
    else rt.error('perform_using: "url" takes a string\n');
  },
  headers: (rt, c, v, opt) => {
    if (v === 0) c.headers = [];
    else if (typeof v === 'string') c.headers = [noNul(rt, opt, v)];
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) c.headers = (v as string[]).map((s) => noNul(rt, opt, s));
    else rt.error('perform_using: "headers" takes a string or an array of strings\n');
  },
  post_data: (rt, c, v, opt) => {
    if (v === 0) c.body = undefined;
    else if (typeof v === 'string') c.body = UTF8_ENCODE.encode(noNul(rt, opt, v));
    else if (v instanceof LBuffer) c.body = v.bytes.slice();
    else rt.error(`perform_using: "${opt}" takes a string or a buffer\n`);
  },
  timeout_ms: (rt, c, v) => {
    if (typeof v !== 'number') rt.error('perform_using: "timeout_ms" takes an int\n');
    c.timeoutMs = v as number;
  },
  follow_location: (rt, c, v) => {
    if (typeof v !== 'number') rt.error('perform_using: "follow_location" takes an int\n');
    c.followLocation = v !== 0;
  },
  method: (rt, c, v, opt) => {
    if (v === 0) c.method = undefined;
    else if (typeof v === 'string' && /^[A-Za-z]+$/.test(v)) c.method = noNul(rt, opt, v).toUpperCase();
    else rt.error('perform_using: "method" takes an HTTP method name\n');
  },
};
OPTIONS.body = OPTIONS.post_data;

export const efuns = defineEfuns('http', [
  {
    name: 'perform_using',
    signature: 'void perform_using(string, mixed)',
    doc: 'Sets an option of this object\'s HTTP request: "url", "headers", "post_data"/"body", "timeout_ms", "follow_location", "method".',
    impl: (rt, opt: string, val: Value) => {
      const ob = currentObject(rt, 'perform_using');
      const set = Object.hasOwn(OPTIONS, opt) ? OPTIONS[opt] : undefined;
      if (!set) return rt.error(`perform_using: unknown option "${opt}"\n`);
      if (inPerform(rt, ob)) return rt.error('perform_using: a transfer is already in progress\n');
      let c = configs.get(ob);
      if (!c) configs.set(ob, (c = { headers: [], followLocation: false }));
      set(rt, c, val, opt);
      return 0;
    },
  },
  {
    name: 'perform_to',
    signature: 'void perform_to(string | function, int, ...)',
    tier: 'async',
    doc: 'Starts this object\'s configured HTTP request; the callback later gets (1, body buffer, args...) or (0, error text, args...).',
    impl: (rt, fun: Value, _flag: Value, ...args: Value[]) => {
      const ob = currentObject(rt, 'perform_to');
      if (typeof fun !== 'string' && !(fun instanceof LFunction)) return rt.badArgument('perform_to', 1);
      const c = configs.get(ob);
      if (!c?.url) return rt.error('perform_to: no "url" was set with perform_using()\n');
      if (inPerform(rt, ob)) return rt.error('perform_to: a transfer is already in progress\n');
      const q = asyncOf(vm(rt));
      const svc = q.service<HttpService>('http') ?? fetchService;
      const req: HttpRequest = {
        url: c.url,
        headers: [...c.headers],
        method: c.method ?? (c.body ? 'POST' : 'GET'),
        body: c.body,
        timeoutMs: c.timeoutMs,
        followLocation: c.followLocation,
      };
      q.submit(ob, 'perform_to',
        () => svc.perform(req),
        (body) => ({ fn: fun, args: [1, new LBuffer(body), ...args] }),
        (err) => ({ fn: fun, args: [0, err instanceof Error ? err.message : String(err), ...args] }));
      return 0;
    },
  },
  {
    name: 'in_perform',
    signature: 'int in_perform()',
    doc: 'Non-zero while this object has an HTTP transfer in flight.',
    impl: (rt) => {
      const cur = vm(rt).cur;
      return cur && !cur.destructed && inPerform(rt, cur) ? 1 : 0;
    },
  },
]);
