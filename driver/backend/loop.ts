// The turn scheduler (DESIGN.md "Backend cycle"): runs a turn when something
// woke it — runtime events (input, accepts, closes, console lines, worker
// completions) or the earliest timer (heart beat, call_out, reset, clean_up)
// — and otherwise sleeps. It never polls: between turns there is at most one
// pending timeout (for the next timer) and the native runtime's own fd watch,
// so an idle driver uses no CPU.

export interface TurnHooks {
  /** Runs one backend turn. */
  turn(): void;
  /** Whether another turn should follow at once (commands still queued). */
  hasWork(): boolean;
  /** Absolute time (ms, the host clock) of the earliest timer, or undefined. */
  nextTimer(): number | undefined;
  /** The host clock. */
  now(): number;
  /** Called when turn() throws something that is not an LPC error. */
  fatal(err: unknown): void;
}

export class TurnLoop {
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;
  private stopped = false;
  private running = false;
  /** Turns run so far (tests and stats). */
  turns = 0;

  constructor(private readonly hooks: TurnHooks) {}

  /** Asks for a turn as soon as Node's loop is free (idempotent). */
  wake(): void {
    if (this.stopped || this.immediate || this.running) {
      if (this.running) this.wakeAfter = true;
      return;
    }
    this.immediate = setImmediate(() => this.run());
  }

  /** A wake() that arrived while a turn was running: run again right after it. */
  private wakeAfter = false;

  stop(): void {
    this.stopped = true;
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = undefined;
    this.timer = undefined;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private run(): void {
    this.immediate = undefined;
    if (this.stopped) return;
    this.running = true;
    this.wakeAfter = false;
    try {
      this.turns++;
      this.hooks.turn();
    } catch (err) {
      this.running = false;
      this.hooks.fatal(err);
      return;
    }
    this.running = false;
    if (this.stopped) return;
    if (this.wakeAfter || this.hooks.hasWork()) {
      this.wake();
      return;
    }
    this.armTimer();
  }

  /** One timeout for the earliest timer; replaced when an earlier one appears. */
  private armTimer(): void {
    const due = this.hooks.nextTimer();
    if (due === undefined) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.timerDue = Infinity;
      return;
    }
    if (this.timer && this.timerDue === due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    const delay = Math.max(0, due - this.hooks.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      this.wake();
    }, delay);
  }
}
