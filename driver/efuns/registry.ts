// The efun registry: every efun is declared once, beside its body, in its
// area module (strings.ts, arrays.ts, ...). This file only gathers areas and
// answers lookups; the compiler type-checks calls against `signature` and
// docs/efuns.md is generated from the same declarations.
import type { Runtime } from '../vm/runtime-api.js';
import type { Value } from '../vm/values.js';

/**
 * How an efun runs (DESIGN.md decision 5): 'sync' runs inline; 'async' starts
 * work on a worker thread and completes through the runtime with a callback.
 */
export type EfunTier = 'sync' | 'async';

export type EfunImpl = (rt: Runtime, ...args: any[]) => Value;

export interface EfunDecl {
  /** LPC name, e.g. "implode". */
  name: string;
  /**
   * LPC prototype in MudOS spelling, e.g. "string implode(string *, string | function, void | mixed)".
   * `void |` marks an optional argument, a trailing `...` varargs. The compiler and the runtime
   * argument checks ("Bad argument N to efun x()") both read it.
   */
  signature: string;
  impl: EfunImpl;
  tier?: EfunTier;
  /** Other names that call the same body (e.g. "new" for "clone_object"). */
  aliases?: string[];
  /** One sentence for docs/efuns.md. */
  doc: string;
  /** True when results depend only on arguments (codegen may inline/fold). */
  pure?: boolean;
  /**
   * Set on a declaration that deliberately replaces one of the same name in an
   * earlier area (efuns/index.ts AREAS order). Without it a repeated name is a
   * startup error, so no area keeps a dead copy of another's efun.
   */
  override?: boolean;
}

/** One area module's declarations: `export const efuns = defineEfuns('strings', [...])`. */
export function defineEfuns(area: string, decls: EfunDecl[]): { area: string; decls: EfunDecl[] } {
  return { area, decls };
}
