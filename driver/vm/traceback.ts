// LPC tracebacks built lazily from a JS stack (DESIGN.md decision 4). Codegen
// names every generated source `lpc://P<programId>/<path>` and records a line
// table; here we walk the V8 stack text, keep our frames, map JS lines back to
// LPC lines, and attribute objects using the runtime's call_other stack: every
// switch of current object goes through `Runtime.enterObject`, so each such
// frame in the JS stack moves us one object outwards.
import type { Program } from './program.js';
import type { LpcObject } from './object.js';

export interface TraceFrame {
  function: string;
  program: Program;
  /** 0 when the frame's object is unknown (should not happen in practice). */
  object: LpcObject | 0;
  /** Mudlib-absolute file the line refers to (an include may differ from the program). */
  file: string;
  line: number;
}

/** The function name V8 prints for the object-switch boundary. */
export const BOUNDARY_NAME = 'enterObject';

/**
 * A loop codegen outlined from an LPC function (`lpc_f$L<n>`): its frame
 * stands for that function, and the caller's frame right after it is dropped.
 */
export function isLoopChunk(jsName: string): boolean {
  return /\$L\d+$/.test(jsName);
}

export const FRAME_RE = /^\s*at (?:(.*?) \()?lpc:\/\/P(\d+)\/[^\n]*?:(\d+):(\d+)\)?$/;

/**
 * Frames innermost first. `objects` is the object stack at the time of the
 * throw, innermost first (current object, then previous objects).
 */
export function parseLpcStack(
  stack: string,
  programs: Map<number, Program>,
  objects: (LpcObject | 0)[],
): TraceFrame[] {
  const frames: TraceFrame[] = [];
  let depth = 0;
  let inLoopChunk = false;
  for (const raw of stack.split('\n')) {
    if (!raw.includes(' at ')) continue;
    const m = FRAME_RE.exec(raw);
    if (!m) {
      if (raw.includes(BOUNDARY_NAME)) depth++;
      continue;
    }
    const program = programs.get(Number(m[2]));
    if (!program) continue;
    const jsLine = Number(m[3]);
    const jsName = (m[1] ?? '').split('.').pop() ?? '';
    const name = program.jsNames.get(jsName.replace(/^new /, ''));
    if (name === undefined) continue; // a helper closure without an LPC identity
    // The function that called an outlined loop's chunk is the same LPC frame.
    if (inLoopChunk) {
      inLoopChunk = false;
      continue;
    }
    inLoopChunk = isLoopChunk(jsName);
    const line = program.lineTable[jsLine] ?? 0;
    const file = program.files[program.fileTable[jsLine] ?? 0] ?? program.path;
    frames.push({ function: name, program, object: objects[depth] ?? 0, file, line });
  }
  return frames;
}
