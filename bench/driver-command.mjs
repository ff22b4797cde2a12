// How the benchmark runners start the driver: with the node binary running the
// runner and the V8 flags on bin/lapis's shebang line (`#!/usr/bin/env -S node
// <flags>`), i.e. exactly as the `lapis` command runs, plus the extra node flags
// in LAPIS_BENCH_NODE_ARGS (e.g. --cpu-prof).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lapisBin = join(root, 'bin', 'lapis');
const extraNodeFlags = (process.env.LAPIS_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** The node flags on a script's `#!/usr/bin/env -S node ...` line. */
export function shebangNodeFlags(script) {
  const first = readFileSync(script, 'utf8').split('\n', 1)[0];
  const m = /^#!\S*env\s+(?:-S\s+)?node((?:\s+--?\S+)*)\s*$/.exec(first);
  if (!m) throw new Error(`${script}: first line is not a '#!/usr/bin/env -S node [flags]' shebang: ${first}`);
  return m[1].split(/\s+/).filter(Boolean);
}

/** [command, args] that run `lapis <driverArgs...>`. */
export function lapisCommand(driverArgs) {
  return [process.execPath, [...shebangNodeFlags(lapisBin), ...extraNodeFlags, lapisBin, ...driverArgs]];
}
