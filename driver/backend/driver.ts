// The server: a booted runtime, its ports, the console, and the backend turn
// (DESIGN.md "Backend cycle"). Each turn, in order: reset eval cost; drain
// the native runtime (accepts, input, closes, console lines, resolver
// answers) and LPC socket events; give each user one queued command,
// round-robin; heart beats, call_outs, resets and clean_ups that are due;
// flush every output buffer (one write per connection). Then TurnLoop sleeps
// until the next timer or runtime event. Destructed objects leave the object
// table, and their connections close, at the moment they are destructed.
//
// A Driver can run in-process (tests start one on port 0 and stop it) or as
// the `lapis` server (driver/backend/server.ts, from driver/cli.ts).
import { NodeHost } from '../host/node-host.js';
import { createRuntime } from '../app.js';
import { bootMudlib } from '../boot.js';
import type { LapisConfig, PortSpec } from '../config.js';
import type { MudlibHost } from '../vm/host.js';
import { LpcObject } from '../vm/object.js';
import { Runtime, ShutdownSignal } from '../vm/runtime.js';
import { LBuffer, LFunction, truthy, type Value } from '../vm/values.js';
import { nodeOf } from '../vm/inventory.js';
import { installWorld, type World } from '../vm/world.js';
import { clearSentences, configureCommands, parseCommand, removeSentencesOf } from '../net/commands.js';
import { routeInput } from '../net/input.js';
import { hasApply, Session, snoopText, tellObject, usersOf, type QueuedInput, type SessionHost, type UserTable } from '../net/session.js';
import type { TelnetSessionOptions } from '../net/telnet.js';
import { Connections, type PortBinding, type WireEvent } from './connections.js';
import { startConsole, type NativeConsole } from './console.js';
import { TurnLoop } from './loop.js';
import { LpcSocketIo } from './lpc-socket-io.js';
import { lpcSocketsOf, type LpcSockets } from '../net/lpc-sockets.js';
import { asyncOf, type AsyncCompletions } from '../vm/async-completions.js';
import { shutdownWorkers } from './workers/index.js';

export interface DriverOptions {
  config: LapisConfig;
  /** The mudlib files; default a NodeHost on config.mudlibDir. */
  host?: MudlibHost;
  /** Ports to listen on; default config.ports. Port 0 picks a free port (tests). */
  ports?: PortSpec[];
  /** Listen address; default "" (every interface, IPv6 and IPv4). */
  address?: string;
  /** Console mode (-c): stdin/stdout (or the given fds) become user 0. */
  console?: boolean | { fd?: number; write?: (bytes: Uint8Array) => void };
  defines?: Record<string, string>;
  epilogLevel?: number;
  /** Reverse DNS for query_ip_name (default true). */
  reverseDns?: boolean;
  /** Where write() goes when there is no this_player(); default host.stdout. */
  log?: (text: string) => void;
}

/** Driver statistics (tests, benchmarks, mud_status). */
export interface DriverStats {
  turns: number;
  commands: number;
  connections: number;
}

export class Driver implements SessionHost {
  readonly rt: Runtime;
  readonly config: LapisConfig;
  readonly users: UserTable;
  readonly conns: Connections;
  readonly loop: TurnLoop;
  /** Resolves with the exit code once the driver has shut down. */
  readonly exited: Promise<number>;
  readonly stats: DriverStats = { turns: 0, commands: 0, connections: 0 };
  private resolveExit!: (code: number) => void;
  /** Environment, heart beats, resets, call_outs (driver/vm/world.ts). */
  readonly world: World;
  /** LPC efun sockets (driver/net/lpc-sockets.ts); their events run in the turn. */
  readonly sockets: LpcSockets;
  /** Worker-tier efun completions (driver/vm/async-completions.ts); their callbacks run in the turn. */
  readonly completions: AsyncCompletions;
  private consoleSession: Session | undefined;
  private nativeConsole: NativeConsole | undefined;
  private consolePiece = '';
  private consoleEof = false;
  private consoleDone = false;
  /** Set when the driver must stop after the current turn (code). */
  private stopCode: number | undefined;
  private finished = false;
  /** Round-robin start for user turns. */
  private rr = 0;
  /** Sessions whose peer hung up while commands were still queued. */
  private readonly hangups = new Set<Session>();

  private constructor(readonly opts: DriverOptions, rt: Runtime) {
    this.rt = rt;
    this.config = opts.config;
    this.users = usersOf(rt);
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
    this.loop = new TurnLoop({
      turn: () => this.turn(),
      hasWork: () => this.hasWork(),
      nextTimer: () => this.nextTimer(),
      now: () => rt.host.now(),
      fatal: (err) => {
        rt.host.stderr(`lapis: fatal error in the backend: ${err instanceof Error ? err.stack : String(err)}\n`);
        void this.finish(1);
      },
    });
    const telnet: TelnetSessionOptions = {
      maxLineBytes: opts.config.maxInputLineLength,
      overlongPolicy: 'disconnect',
      floodBytes: opts.config.maxInputBytesPerSecond,
      floodIntervalMs: 1000,
      maxQueuedLines: opts.config.maxQueuedCommands,
      floodPolicy: 'disconnect',
      gmcp: opts.config.enableGmcp,
      mccp2: opts.config.enableMccp,
      mssp: opts.config.enableMssp ? () => this.msspVariables() : undefined,
    };
    this.conns = new Connections({
      address: opts.address,
      telnet,
      reverseDns: opts.reverseDns,
      resolverTtls: {
        forwardTtlMs: opts.config.resolverForwardCacheTtl * 1000,
        reverseTtlMs: opts.config.resolverReverseCacheTtl * 1000,
        negativeTtlMs: opts.config.resolverNegativeCacheTtl * 1000,
      },
      now: () => rt.host.now(),
      wake: () => this.loop.wake(),
    });
    this.users.disconnect = (s) => this.disconnect(s, false);
    const cfg = opts.config;
    const world = installWorld(rt, {
      heartbeatInterval: cfg.heartbeatInterval,
      resetDuration: cfg.resetDuration,
      cleanupDuration: cfg.cleanupDuration,
    });
    // installWorld keeps an earlier installation's options: the config wins.
    world.heartBeats.intervalMs = cfg.heartbeatInterval;
    world.resets.resetDuration = cfg.resetDuration;
    world.resets.cleanupDuration = cfg.cleanupDuration;
    this.world = world;
    this.sockets = lpcSocketsOf(rt);
    this.completions = asyncOf(rt);
    this.completions.onReady = () => this.loop.wake();
    this.sockets.attach({
      transport: new LpcSocketIo(),
      wake: () => this.loop.wake(),
      approve: (caller, what, info) => world.masterApproves('valid_socket', [caller, what, info]),
    });
    const inv = world.inventory;
    configureCommands(rt, {
      defaultFailMsg: opts.config.defaultFailMsg,
      world: {
        environment: (ob) => inv.environment(ob),
        isLiving: (ob) => inv.isLiving(ob),
        inventory: (ob) => inv.contents(ob),
      },
    });
    inv.removeActionsHooks.push((definer, user) => removeSentencesOf(user, definer));
    rt.destructHooks.push((ob) => this.onDestruct(ob));
    const log = opts.log ?? ((t: string) => rt.host.stdout(t));
    // write()/printf() go to this_player(); with nobody there, to the driver's output.
    rt.writeHook = (text) => {
      const tp = rt.tp;
      if (tp && !tp.destructed) tellObject(rt, tp, text);
      else log(text);
    };
  }

  /** Boots the mudlib (simul_efun, master, epilog/preload), opens the ports and the console. */
  static async start(opts: DriverOptions): Promise<Driver> {
    const cfg = opts.config;
    const host = opts.host ?? new NodeHost(cfg.mudlibDir);
    const rt = createRuntime({
      host,
      appPath: cfg.masterFile,
      args: [],
      limits: cfg.limits,
      defines: opts.defines,
      includeDirs: cfg.includeDirs,
      globalInclude: cfg.globalInclude,
      simulEfunFile: cfg.simulEfunFile,
      mudName: cfg.mudName,
    });
    rt.debugHook = (t) => host.stderr(t);
    const driver = new Driver(opts, rt);
    bootMudlib(rt, cfg.masterFile, cfg.simulEfunFile, opts.epilogLevel ?? 0);
    if (!rt.master && rt.shutdownCode === undefined) {
      await driver.finish(1);
      throw new Error(`cannot load the master object ${cfg.masterFile}`);
    }
    if (rt.shutdownCode !== undefined) {
      await driver.finish(rt.shutdownCode);
      return driver;
    }
    for (const p of opts.ports ?? cfg.ports) {
      try {
        driver.conns.listen(p.port, p.kind);
      } catch (e) {
        // A port in use must not leave the runtime holding Node's loop open.
        await driver.finish(1);
        throw new Error(`cannot listen on port ${p.port}: ${(e as Error).message.replace(/^lapis: /, '')}`);
      }
    }
    if (opts.console) driver.startConsole(typeof opts.console === 'object' ? opts.console : {});
    driver.loop.wake();
    return driver;
  }

  /** The bound ports, in config order. */
  get ports(): PortBinding[] {
    return this.conns.ports;
  }

  // -------------------------------------------------------------------------
  // The turn

  private turn(): void {
    const rt = this.rt;
    try {
      this.stats.turns++;
      rt.resetEvalCost();
      this.conns.drain();
      this.digest(this.conns.takeInbox());
      this.sockets.runEvents();
      this.completions.drain();
      this.userTurns();
      rt.ti = 0;
      // Heart beats, then call_outs, then resets and clean_ups (World.runDue keeps that order).
      if (rt.shutdownCode === undefined) this.world.runDue(rt.host.now());
      this.finishHangups();
      this.checkConsoleEnd();
    } catch (e) {
      if (!(e instanceof ShutdownSignal)) throw e;
    }
    this.flushAll();
    const code = rt.shutdownCode ?? this.stopCode;
    if (code !== undefined) void this.finish(code);
  }

  private hasWork(): boolean {
    if (this.conns.inbox.length) return true;
    if (this.completions.hasReady()) return true;
    for (const s of this.users.sessions) if (s.queue.length && !s.closing) return true;
    if (this.consoleEof && !this.consoleDone) return true;
    return false;
  }

  private nextTimer(): number | undefined {
    return this.world.nextDueTime();
  }

  private flushAll(): void {
    for (const s of this.users.sessions) s.flush();
    for (const s of this.hangups) s.flush();
  }

  /** One queued command per user, starting one further along each turn. */
  private userTurns(): void {
    const list = [...this.users.sessions];
    const n = list.length;
    if (!n) return;
    const start = this.rr++ % n;
    for (let i = 0; i < n; i++) {
      const s = list[(start + i) % n];
      if (s.queue.length && !s.closing) this.runInput(s);
      if (this.rt.shutdownCode !== undefined) return;
    }
  }

  /** Digests recorded runtime events in arrival order. */
  private digest(events: WireEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'accept':
          this.accept(e.conn, e.port, e.ip, e.remotePort);
          break;
        case 'data': {
          const s = this.conns.byConn.get(e.conn);
          if (!s || s.closing) break;
          if (!s.receive(e.bytes, this.rt.host.now(), this)) {
            // One line per abuser, so an operator can see who was cut off and why.
            this.rt.host.stderr(`lapis: disconnected ${s.ip} port ${s.remotePort}: ${s.dropReason ?? 'bad input'}\n`);
            this.disconnect(s, true);
          }
          break;
        }
        case 'close': {
          const s = this.conns.byConn.get(e.conn);
          if (!s) break;
          this.conns.forget(s);
          s.hungUp = true;
          if (s.closing) break;
          if (s.queue.length) this.hangups.add(s);
          else this.netDead(s);
          break;
        }
        default:
          break;
      }
      if (this.rt.shutdownCode !== undefined) return;
    }
  }

  // -------------------------------------------------------------------------
  // Connections

  private accept(conn: number, port: PortBinding, ip: string, remotePort: number): void {
    const s = this.conns.openSession(conn, port, ip, remotePort);
    this.stats.connections++;
    this.users.add(s);
    s.start();
    this.attach(s, port.bound);
  }

  /** master->connect(port) gives the object; it becomes interactive, then logon(). */
  private attach(s: Session, port: number): void {
    const rt = this.rt;
    const ob = rt.runTop(() => rt.masterApply('connect', [port]));
    if (!(ob instanceof LpcObject) || ob.destructed) {
      s.send('Connection refused.\n');
      this.disconnect(s, false);
      return;
    }
    this.users.bind(s, ob);
    nodeOf(ob).onceInteractive = true;
    rt.runTop(() => {
      rt.tp = ob;
      rt.ti = ob;
      rt.apply(ob, 'logon', []);
    });
  }

  /**
   * Closes a connection from our side (remove_interactive, destruct, flood):
   * queued output is sent first. With `notify`, the object hears net_dead().
   */
  private disconnect(s: Session, notify: boolean): void {
    if (s.closing) return;
    const ob = s.ob;
    s.flush();
    s.closing = true;
    this.users.remove(s);
    this.hangups.delete(s);
    if (s === this.consoleSession) {
      this.consoleDone = true;
      this.nativeConsole?.stop();
      this.stopCode ??= 0;
    } else {
      s.link.close();
    }
    if (notify && ob && !ob.destructed) this.callNetDead(ob);
  }

  /** The peer went away: the object stops being interactive, then net_dead(). */
  private netDead(s: Session): void {
    const ob = s.ob;
    s.flush();
    s.closing = true;
    this.users.remove(s);
    this.hangups.delete(s);
    if (ob && !ob.destructed) this.callNetDead(ob);
  }

  private callNetDead(ob: LpcObject): void {
    const rt = this.rt;
    rt.runTop(() => {
      rt.tp = ob;
      rt.apply(ob, 'net_dead', []);
    });
  }

  private finishHangups(): void {
    for (const s of [...this.hangups]) if (!s.queue.length || s.closing) this.netDead(s);
  }

  private onDestruct(ob: LpcObject): void {
    clearSentences(ob);
    const s = this.users.of(ob);
    if (s) this.disconnect(s, false);
  }

  // -------------------------------------------------------------------------
  // Input

  /** Runs one queued input of a session: its input_to, or a command. Then the prompt. */
  private runInput(s: Session): void {
    const rt = this.rt;
    const input = s.takeInput();
    const ob = s.ob;
    if (!input || !ob || ob.destructed) return;
    s.lastInputAt = rt.host.now();
    this.stats.commands++;
    const ok = rt.runTop(() => {
      rt.tp = ob;
      rt.ti = ob;
      this.dispatchInput(s, ob, input);
      return true;
    });
    // A failed command: the master's error_handler speaks to the user if it
    // wants to; without one the user gets DefaultErrorMsg (Neolith).
    if (ok === undefined && this.config.defaultErrorMsg !== undefined && !s.closing) {
      const m = rt.master;
      if (!m || !hasApply(m, 'error_handler')) s.send(this.config.defaultErrorMsg + '\n');
    }
    this.prompt(s);
  }

  /** input_to/get_char answer, or a command line (inside runInput's execution). */
  private dispatchInput(s: Session, ob: LpcObject, input: QueuedInput): void {
    const rt = this.rt;
    const route = routeInput(s.pending, input.text);
    if (s.snooper && !s.noEcho) snoopText(rt, s.snooper, '%' + input.text + (input.char ? '' : '\n'), 0);
    if (route.kind === 'request') {
      let text = route.text;
      if (route.request.singleChar && !input.char && text.length > 1) {
        // A line-buffered client answered get_char with a whole line: the
        // first character answers, the rest stays typed-ahead input.
        const first = String.fromCodePoint(text.codePointAt(0)!);
        s.queue.unshift({ text: text.slice(first.length), char: false });
        text = first;
      }
      const req = s.clearPending()!;
      if (req.ob.destructed) return;
      const args = [text, ...req.args];
      if (req.fn instanceof LFunction) rt.callFunction(req.fn, args);
      else rt.apply(req.ob, req.fn, args);
      return;
    }
    if (input.char && (route.text === '\n' || route.text === '\r')) return;
    this.command(ob, route.text);
  }

  /** process_input() may rewrite the line (a string) or take it (non-zero); then the parser. */
  private command(ob: LpcObject, line: string): void {
    const rt = this.rt;
    let text = line;
    if (hasApply(ob, 'process_input')) {
      const r = rt.apply(ob, 'process_input', [text]);
      if (ob.destructed) return;
      if (typeof r === 'string') text = r;
      else if (r !== undefined && truthy(r)) return;
    }
    parseCommand(rt, ob, text, (target, msg) => tellObject(rt, target, msg));
  }

  /** write_prompt() (default "> ") after a command; input_prompt() while an input_to waits. */
  private prompt(s: Session): void {
    const rt = this.rt;
    const ob = s.ob;
    if (s.closing || !ob || ob.destructed) return;
    rt.runTop(() => {
      rt.tp = ob;
      if (s.pending) {
        if (hasApply(ob, 'input_prompt')) rt.apply(ob, 'input_prompt', []);
      } else if (hasApply(ob, 'write_prompt')) {
        rt.apply(ob, 'write_prompt', []);
      } else {
        s.send('> ');
      }
    });
  }

  // SessionHost: telnet events that become applies.
  apply(s: Session, name: string, args: Value[]): void {
    const ob = s.ob;
    if (!ob || ob.destructed || !hasApply(ob, name)) return;
    const rt = this.rt;
    rt.runTop(() => {
      rt.tp = ob;
      rt.apply(ob, name, args);
    });
  }

  binaryInput(s: Session, bytes: Uint8Array): void {
    this.apply(s, 'process_input', [new LBuffer(bytes)]);
  }

  toBuffer(bytes: Uint8Array): Value {
    return new LBuffer(bytes);
  }

  private msspVariables(): Record<string, string | number> {
    return {
      NAME: this.config.mudName,
      PLAYERS: this.users.objects().length,
      UPTIME: Math.floor(this.rt.startTime / 1000),
      CODEBASE: 'Lapis',
    };
  }

  // -------------------------------------------------------------------------
  // Console mode

  private startConsole(opts: { fd?: number; write?: (bytes: Uint8Array) => void }): void {
    const write = opts.write ?? ((bytes: Uint8Array) => {
      try {
        process.stdout.write(bytes);
      } catch {
        // A closed stdout must not take the driver down.
      }
    });
    const s = new Session({
      kind: 'console',
      ip: '127.0.0.1',
      remotePort: 0,
      port: 0,
      now: this.rt.host.now(),
      link: {
        write,
        close: () => {},
        setEcho: (on) => void this.nativeConsole?.setEcho(on),
        setSingleChar: (on) => void this.nativeConsole?.setSingleChar(on),
      },
    });
    this.consoleSession = s;
    this.users.add(s);
    this.nativeConsole = startConsole(this.conns.native, {
      line: (text, flag) => {
        if (flag === 'piece') {
          this.consolePiece += text;
          return;
        }
        const full = this.consolePiece + text;
        this.consolePiece = '';
        if (flag === 'char') s.pushChar(full);
        else s.pushLine(full);
        this.loop.wake();
      },
      eof: () => {
        if (this.consolePiece) s.pushLine(this.consolePiece);
        this.consolePiece = '';
        s.flushPartial();
        this.consoleEof = true;
        this.loop.wake();
      },
    }, opts.fd !== undefined ? { fd: opts.fd } : {});
    this.attach(s, 0);
  }

  /** End of console input: every earlier line was run; net_dead, then a clean exit 0. */
  private checkConsoleEnd(): void {
    const s = this.consoleSession;
    if (!s || !this.consoleEof || this.consoleDone || s.queue.length) return;
    this.consoleDone = true;
    if (!s.closing) this.netDead(s);
    this.stopCode ??= 0;
  }

  // -------------------------------------------------------------------------
  // Shutdown

  /** Stops the driver from outside (tests): flushes output and closes everything. */
  stop(code = 0): Promise<number> {
    if (!this.finished) void this.finish(code);
    return this.exited;
  }

  private async finish(code: number): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.loop.stop();
    this.flushAll();
    this.nativeConsole?.stop();
    for (const s of [...this.users.sessions]) {
      s.closing = true;
      if (s !== this.consoleSession) s.link.close();
    }
    // Give closing sockets a moment to send what they hold.
    const native = this.conns.native;
    const deadline = Date.now() + 1000;
    while (!native.closed && native.stats().connections > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    this.sockets.shutdown();
    this.conns.shutdown();
    await shutdownWorkers(this.rt);
    this.resolveExit(code);
  }
}
