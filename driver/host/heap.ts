// Settles V8's heap once the driver has booted. bin/lapis gives V8 a young
// generation at full size from the start (--min-semi-space-size), so nothing
// of what boot builds and keeps (the driver's modules, the efun table, the
// compiled master and preloads: ~10 MB) is promoted while it boots; the first
// scavenges after boot would copy all of it twice, inside whatever LPC runs
// first (measured: 8 + 5.6 ms in the first LPC benchmark that allocates). Two
// minor collections right after boot promote it in ~1.5 ms instead.
import v8 from 'node:v8';
import vm from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major' }) => void;

let gc: Gc | null | undefined;

/** V8's gc(), exposed on demand (no --expose-gc on the command line needed); null if unavailable. */
function gcFunction(): Gc | null {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as Gc;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/** Promotes the data boot left in the young generation (two scavenges: survive, then promote). */
export function settleHeap(): void {
  const collect = gcFunction();
  if (!collect) return;
  collect({ type: 'minor' });
  collect({ type: 'minor' });
}
