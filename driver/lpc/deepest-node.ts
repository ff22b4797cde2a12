// Where a syntax tree is deepest, found without recursion. The parser bounds
// recursive nesting, but left-associative chains (`a + b + c ...`,
// `x[0][0]...`) build deep trees from a loop; the checker and codegen walk
// trees recursively, so a long enough chain overflows the JS stack there (or
// in V8's parser on the generated code). compile.ts turns that RangeError into
// "Program nested too deeply" at the line this finds.
import type { Loc } from './ast.js';

function isLoc(v: unknown): v is Loc {
  return typeof v === 'object' && v !== null && typeof (v as Loc).line === 'number' && typeof (v as Loc).file === 'number';
}

/** The location of the deepest located node below `root` (undefined when none is located). */
export function deepestLoc(root: unknown): Loc | undefined {
  let best: Loc | undefined;
  let bestDepth = -1;
  const stack: [unknown, number][] = [[root, 0]];
  const seen = new Set<object>();
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const loc = (node as { loc?: unknown }).loc;
    if (isLoc(loc) && depth > bestDepth) {
      best = loc;
      bestDepth = depth;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && typeof v === 'object' && v !== null) stack.push([v, depth + 1]);
  }
  return best;
}

/** True for the error V8 throws when the JS stack is exhausted. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}
