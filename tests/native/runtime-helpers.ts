// Shared helpers for the native runtime suites: a runtime that records every
// event, and promise-based waiting with a deadline.
import { NativeRuntime, type RuntimeEvent, type RuntimeHandlers, type RuntimeOptions } from '../../driver/backend/native.js';

export interface Recorder {
  rt: NativeRuntime;
  events: RuntimeEvent[];
  /** Resolves when pred(events) holds; rejects after timeoutMs. */
  until(pred: (events: RuntimeEvent[]) => boolean, timeoutMs?: number): Promise<void>;
}

export function recordingRuntime(options: RuntimeOptions = {}, extra: RuntimeHandlers = {}): Recorder {
  const events: RuntimeEvent[] = [];
  let waiters: Array<() => void> = [];
  const rt = new NativeRuntime(
    {
      ...extra,
      event(e) {
        events.push(e);
      },
      batch() {
        const w = waiters;
        waiters = [];
        for (const f of w) f();
      },
    },
    options,
  );
  const until = (pred: (events: RuntimeEvent[]) => boolean, timeoutMs = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`timed out; saw ${events.length} events: ${summary(events)}`)), timeoutMs);
      const check = (): void => {
        if (pred(events)) {
          clearTimeout(deadline);
          resolve();
        } else {
          waiters.push(check);
        }
      };
      check();
    });
  return { rt, events, until };
}

function summary(events: RuntimeEvent[]): string {
  return events
    .slice(-5)
    .map((e) => e.kind)
    .join(',');
}

export function bytesFor(events: RuntimeEvent[], conn: number): Buffer {
  return Buffer.concat(events.flatMap((e) => (e.kind === 'data' && e.conn === conn ? [e.bytes] : [])));
}

export const BACKENDS = ['epoll', 'poll'] as const;
