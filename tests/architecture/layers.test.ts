// DESIGN.md "Layout": each layer imports only downward, and the LPC core
// (compiler, VM, efuns, telnet protocol) needs no Node-only API so that it can
// later run in a browser. This test reads the import lines of every source
// file and fails on the first import that crosses a boundary.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const driver = join(root, 'driver');

function sourcesOf(dir: string): string[] {
  return readdirSync(join(driver, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesOf(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(driver, dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]);
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

/** The driver/ folder a relative import lands in ("vm", "lpc", ...), or null for a package/builtin. */
function layerOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(driver, resolve(dirname(file), spec));
  return target.split('/')[0];
}

const RULES: { layer: string; mayImport: string[] }[] = [
  { layer: 'vm', mayImport: ['vm'] },
  { layer: 'lpc', mayImport: ['lpc', 'vm'] },
  { layer: 'net', mayImport: ['net', 'vm'] },
  { layer: 'efuns', mayImport: ['efuns', 'vm', 'net'] },
];

describe('layers (DESIGN.md)', () => {
  for (const { layer, mayImport } of RULES) {
    it(`driver/${layer} imports only ${mayImport.join(', ')} and no Node-only module`, () => {
      const problems: string[] = [];
      for (const file of sourcesOf(layer)) {
        for (const spec of importsOf(file)) {
          const target = layerOf(file, spec);
          const where = relative(root, file);
          if (target === null) problems.push(`${where} imports package '${spec}'`);
          else if (!mayImport.includes(target)) problems.push(`${where} imports driver/${target} ('${spec}')`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('finds the imports it checks (the scanner itself works)', () => {
    const file = join(driver, 'lpc', 'compile.ts');
    expect(importsOf(file).length).toBeGreaterThan(3);
    expect(layerOf(file, '../vm/values.js')).toBe('vm');
  });
});
