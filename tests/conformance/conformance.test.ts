// LPC conformance cases: every tests/conformance/<area>/<name>.c that has a
// <name>.expected beside it runs as an app (its directory is the mudlib) and
// its stdout must match exactly. Other .c files in an area directory are
// helpers (inherit targets, call_other targets). Adding a case = adding two files.
// A case may also carry <name>.conf, config text (driver/config.ts) whose keys
// apply to its run: the limits and driver-compat switches (SaneExplodeString,
// OldRangeBehavior, ...), MudName, IncludeDir and GlobalInclude. Without one a
// case runs with the defaults, MudOS v22's.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeHost } from '../../driver/host/node-host.js';
import { runApp, type AppOptions } from '../../driver/app.js';
import { parseConfigText } from '../../driver/config.js';

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

/** The run options a case's <name>.conf gives; a bad .conf fails the case with its diagnostics. */
function caseConfig(dir: string, name: string): Partial<AppOptions> {
  const file = join(dir, name + '.conf');
  if (!existsSync(file)) return {};
  const { config, diagnostics } = parseConfigText(readFileSync(file, 'utf8'), `${name}.conf`, { requireMudlib: false });
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return {
    limits: config.limits,
    mudName: config.mudName,
    includeDirs: config.includeDirs,
    globalInclude: config.globalInclude,
  };
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
  const code = await runApp({ host, appPath: `/${name}.c`, args: [], ...caseConfig(dir, name) });
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
