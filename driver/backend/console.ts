// The console: the driver's stdin read by a native worker thread
// (native/src/console.h) and delivered through the event runtime as
// consoleLine / consoleEof events. This is what "-c" console mode and testbots
// run on (DESIGN.md, "Console mode and testbots"): every line of a pipe or file
// arrives, in order, none dropped, then exactly one end-of-input.
import { addonRuntimeOf, loadNativeAddon, type NativeRuntime } from './native.js';

/** What the console's input turned out to be (console.h ConsoleInputKind). */
export type ConsoleInputKind = 'tty' | 'pipe' | 'file' | 'other' | 'absent';

/** The meaning of a consoleLine event's flag (console.h ConsoleLineFlag). */
export const CONSOLE_LINE_FLAGS = ['line', 'char', 'piece'] as const;
export type ConsoleLineFlag = (typeof CONSOLE_LINE_FLAGS)[number];

export interface ConsoleHandlers {
  /**
   * One input line without its terminator (CR, LF or CRLF); in single-char
   * mode one character ('char'); a line longer than maxLine comes in 'piece's
   * followed by its final 'line'.
   */
  line(text: string, flag: ConsoleLineFlag): void;
  /** Input ended (errno 0 for an orderly end); the console has stopped itself. */
  eof(errno: number): void;
}

export interface ConsoleOptions {
  /** The fd to read; default 0 (stdin). Never closed by the console. */
  fd?: number;
  /** Bytes per read; default 65536. */
  readSize?: number;
  /** Longer lines arrive in pieces; default 1 MiB. */
  maxLine?: number;
}

/** Raw addon surface (binding.cc, the console section). */
interface AddonConsole {
  start(): ConsoleInputKind;
  stop(): void;
  setEcho(on: boolean): boolean;
  setSingleChar(on: boolean): boolean;
  kind(): ConsoleInputKind;
}
interface ConsoleAddon {
  Console: new (runtime: unknown, fd: number, readSize: number, maxLine: number) => AddonConsole;
}

const OPTION_LIMITS: Record<keyof ConsoleOptions, [number, number]> = {
  fd: [0, 2 ** 31 - 1],
  readSize: [1, 1 << 24],
  maxLine: [1, 1 << 30],
};

function checkOptions(options: ConsoleOptions): Required<ConsoleOptions> {
  if (typeof options !== 'object' || options === null) throw new TypeError('lapis: console options must be an object');
  for (const [key, value] of Object.entries(options)) {
    const limits = OPTION_LIMITS[key as keyof ConsoleOptions];
    if (!limits) throw new TypeError(`lapis: unknown console option '${key}' (known: ${Object.keys(OPTION_LIMITS).join(', ')})`);
    if (value === undefined) continue;
    const [min, max] = limits;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`lapis: console option ${key} must be an integer in ${min}..${max}, got ${String(value)}`);
    }
  }
  return { fd: options.fd ?? 0, readSize: options.readSize ?? 65536, maxLine: options.maxLine ?? 1 << 20 };
}

/**
 * A running console. It keeps Node's loop alive until input ends or stop()
 * is called; on a terminal, stop() also restores the settings found at start.
 */
export class NativeConsole {
  readonly #handle: AddonConsole;
  readonly #kind: ConsoleInputKind;
  #stopped = false;

  /** Use startConsole(). */
  constructor(handle: AddonConsole, kind: ConsoleInputKind) {
    this.#handle = handle;
    this.#kind = kind;
  }

  /** What stdin (or the given fd) is: echo and single-char mode need 'tty'. */
  get kind(): ConsoleInputKind {
    return this.#kind;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Terminal echo on/off; false when the input is not a terminal. */
  setEcho(on: boolean): boolean {
    if (typeof on !== 'boolean') throw new TypeError('lapis: console.setEcho: expected a boolean');
    return !this.#stopped && this.#handle.setEcho(on);
  }

  /**
   * Single-char mode: each character is delivered as it arrives (flag 'char').
   * On a terminal this also switches canonical mode off; on a pipe or file it
   * only changes how input is split (for scripted get_char). False when the
   * terminal refuses or the console is stopped.
   */
  setSingleChar(on: boolean): boolean {
    if (typeof on !== 'boolean') throw new TypeError('lapis: console.setSingleChar: expected a boolean');
    return !this.#stopped && this.#handle.setSingleChar(on);
  }

  /** Stops reading (no eof event follows) and restores the terminal. Idempotent. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#handle.stop();
  }
}

/**
 * Starts reading stdin (or options.fd) on a native worker thread. Lines and
 * the end of input arrive through `runtime`, whose consoleLine/consoleEof
 * handlers this installs (one console per runtime).
 */
export function startConsole(runtime: NativeRuntime, handlers: ConsoleHandlers, options: ConsoleOptions = {}): NativeConsole {
  if (typeof handlers?.line !== 'function' || typeof handlers?.eof !== 'function') {
    throw new TypeError('lapis: startConsole: handlers must have line(text, flag) and eof(errno)');
  }
  const { fd, readSize, maxLine } = checkOptions(options);
  const addon = loadNativeAddon() as unknown as ConsoleAddon;
  const handle = new addon.Console(addonRuntimeOf(runtime), fd, readSize, maxLine);
  // Events are delivered on a later turn of the loop, so `reader` is always
  // set by the time a handler runs.
  let reader: NativeConsole | undefined;
  runtime.setHandlers({
    consoleLine: (text, flag) => handlers.line(text, CONSOLE_LINE_FLAGS[flag] ?? 'line'),
    consoleEof: (errno) => {
      // The worker has ended; stopping releases Node's loop (and the terminal).
      reader?.stop();
      handlers.eof(errno);
    },
  });
  const kind = handle.start();
  reader = new NativeConsole(handle, kind);
  return reader;
}
