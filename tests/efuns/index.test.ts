// driver/efuns/index.ts: every efun name is declared once across the areas,
// unless a later declaration is explicitly marked as an override.
import { describe, expect, it } from 'vitest';
import { AREAS, checkEfunNames, efunTable } from '../../driver/efuns/index.js';
import type { EfunDecl } from '../../driver/efuns/registry.js';

const decl = (name: string, extra: Partial<EfunDecl> = {}): EfunDecl =>
  ({ name, signature: `int ${name}()`, doc: 'x', impl: () => 0, ...extra });

describe('efun registry names', () => {
  it('declares each name and alias once in the shipped areas', () => {
    expect(() => checkEfunNames(AREAS)).not.toThrow();
    const counts = new Map<string, number>();
    for (const { decls } of AREAS) for (const d of decls) for (const n of [d.name, ...(d.aliases ?? [])]) counts.set(n, (counts.get(n) ?? 0) + 1);
    const repeated = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
    const overridden = AREAS.flatMap(({ decls }) => decls.filter((d) => d.override).map((d) => d.name));
    expect(repeated.sort()).toEqual(overridden.sort());
  });

  it('builds the table without tripping the check', () => {
    expect(efunTable().get('getuid')?.signature).toBe('string getuid(void | object)');
    expect(efunTable().get('load_object')?.signature).toBe('object load_object(string, void | int)');
  });

  it('rejects a name declared by two areas', () => {
    const areas = [{ area: 'a', decls: [decl('f')] }, { area: 'b', decls: [decl('f')] }];
    expect(() => checkEfunNames(areas)).toThrow('f is declared by a and again by b');
  });

  it('rejects a name that repeats as another declaration\'s alias', () => {
    const areas = [{ area: 'a', decls: [decl('f')] }, { area: 'b', decls: [decl('g', { aliases: ['f'] })] }];
    expect(() => checkEfunNames(areas)).toThrow('f is declared by a and again by b');
  });

  it('rejects a repeat inside one area', () => {
    expect(() => checkEfunNames([{ area: 'a', decls: [decl('f'), decl('f')] }])).toThrow('f is declared by a and again by a');
  });

  it('accepts a later declaration marked override', () => {
    const areas = [{ area: 'a', decls: [decl('f')] }, { area: 'b', decls: [decl('f', { override: true })] }];
    expect(() => checkEfunNames(areas)).not.toThrow();
  });

  it('rejects an override that replaces nothing', () => {
    expect(() => checkEfunNames([{ area: 'b', decls: [decl('f', { override: true })] }])).toThrow('f in b is marked override but replaces nothing');
  });
});
