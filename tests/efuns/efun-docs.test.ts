// docs/efuns.md is generated from the efun registry (scripts/gen-efun-docs.mjs);
// this test renders it again from the TypeScript sources and fails when the
// committed page is stale, and checks the declarations the page is made of.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { AREAS } from '../../driver/efuns/index.js';
import { parseSignature } from '../../driver/vm/efun-signature.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { renderEfunDocs, DOCS_PATH } from '../../scripts/gen-efun-docs.mjs';

describe('docs/efuns.md', () => {
  it('is up to date with the efun declarations (run `npm run docs:efuns` after changing an efun)', () => {
    expect(existsSync(DOCS_PATH), 'docs/efuns.md is missing: run `npm run docs:efuns`').toBe(true);
    const committed = readFileSync(DOCS_PATH, 'utf8');
    const fresh: string = renderEfunDocs(AREAS);
    if (committed !== fresh) {
      // Name the rows that differ so the failure says which efun changed.
      const old = new Set(committed.split('\n'));
      const now = new Set(fresh.split('\n'));
      const changed = [
        ...[...now].filter((l) => !old.has(l)).map((l) => `+ ${l}`),
        ...[...old].filter((l) => !now.has(l)).map((l) => `- ${l}`),
      ].slice(0, 12);
      expect.fail(`docs/efuns.md is stale: run \`npm run docs:efuns\` and commit it.\n${changed.join('\n')}`);
    }
  });

  it('lists every efun and alias of every area', () => {
    const page: string = renderEfunDocs(AREAS);
    for (const { area, decls } of AREAS) {
      expect(page).toContain(`## ${area}\n`);
      for (const d of decls) for (const n of [d.name, ...(d.aliases ?? [])]) expect(page).toContain(`\`${n}\``);
    }
  });

  it('fails on a declaration without doc text', () => {
    const broken = [{ area: 'x', decls: [{ name: 'f', signature: 'int f()', doc: ' ', impl: () => 0 }] }];
    expect(() => checkDecls(broken)).toThrow(/f: empty doc/);
  });
});

/** Throws one message listing every declaration problem. */
function checkDecls(areas: typeof AREAS): void {
  const problems: string[] = [];
  for (const { area, decls } of areas) {
    for (const d of decls) {
      if (!d.doc || !d.doc.trim()) problems.push(`${area}/${d.name}: empty doc`);
      if (!new RegExp(`(^|[\\s*])${d.name}\\s*\\(`).test(d.signature)) problems.push(`${area}/${d.name}: signature names another function: ${d.signature}`);
      try {
        parseSignature(d.signature);
      } catch (e) {
        problems.push(`${area}/${d.name}: signature does not parse: ${(e as Error).message}`);
      }
      if (d.tier !== undefined && d.tier !== 'sync' && d.tier !== 'async') problems.push(`${area}/${d.name}: unknown tier ${d.tier}`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

describe('efun declarations', () => {
  it('each has a doc sentence, a tier and a signature naming it', () => {
    expect(() => checkDecls(AREAS)).not.toThrow();
  });
});
