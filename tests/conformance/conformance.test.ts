// LPC conformance cases: every tests/conformance/<area>/<name>.c that has a
// <name>.expected beside it runs as an app (its directory is the mudlib) and
// its stdout must match exactly. Other .c files in an area directory are
// helpers (inherit targets, call_other targets). Adding a case = adding two files.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeHost } from '../../driver/host/node-host.js';
import { runApp } from '../../driver/app.js';

const here = dirname(fileURLToPath(import.meta.url));

function cases(): { area: string; name: string; dir: string }[] {
  const out: { area: string; name: string; dir: string }[] = [];
  for (const area of readdirSync(here).sort()) {
    const dir = join(here, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.c')) continue;
      const name = f.slice(0, -2);
      if (existsSync(join(dir, name + '.expected'))) out.push({ area, name, dir });
    }
  }
  return out;
}

/** Runs one case in-process; stdout and the driver log are captured separately. */
async function runCase(dir: string, name: string): Promise<{ out: string; err: string; code: number }> {
  const host = new NodeHost(dir);
  let out = '';
  let err = '';
  host.stdout = (t: string) => {
    out += t;
  };
  host.stderr = (t: string) => {
    err += t;
  };
  const code = await runApp({ host, appPath: `/${name}.c`, args: [] });
  return { out, err, code };
}

for (const c of cases()) {
  describe(c.area, () => {
    it(c.name, async () => {
      const expected = readFileSync(join(c.dir, c.name + '.expected'), 'utf8');
      const r = await runCase(c.dir, c.name);
      expect(r.out, r.err).toBe(expected);
    });
  });
}
