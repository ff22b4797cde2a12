// What the backend loop asks of each timer kind (heart beats, resets and
// clean_ups, call_outs): run what is due at `now`, and say when the next thing
// will be due so that the loop can sleep until then (DESIGN.md "Backend cycle").
// Times are milliseconds on the host clock (MudlibHost.now()); tests drive a
// virtual clock through the same calls.

export interface Scheduler {
  /** Runs everything due at or before `now`; returns how many LPC calls were made. */
  runDue(now: number): number;
  /** The earliest time something is due, or undefined when nothing is pending. */
  nextDueTime(): number | undefined;
}

/** The earliest of several optional due times. */
export function earliest(...times: (number | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const t of times) if (t !== undefined && (best === undefined || t < best)) best = t;
  return best;
}
