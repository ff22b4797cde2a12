// How each LPC frame on the stack was entered, as MudOS records it in every
// control-stack frame (caller_type, read by origin() and call_stack(3)). Lapis
// keeps no per-call record, so the answer is read from a JS stack the same way
// tracebacks are (traceback.ts): generated functions are `lpc://P<id>/...`
// frames, and the driver frames between two of them say how the inner one was
// reached. This costs nothing on the call path; only origin() and call_stack()
// pay for capturing a stack.
import type { Program } from './program.js';
import type { LpcObject } from './object.js';
import { BOUNDARY_NAME, FRAME_RE, isLoopChunk, type TraceFrame } from './traceback.js';

/** MudOS origin.h / efuns_main.c origin_name() spellings. */
export type Origin = 'driver' | 'local' | 'call_other' | 'simul' | 'internal' | 'efun' | 'function pointer' | 'functional';

/**
 * What the driver frames between an LPC frame and its caller mean, first
 * match wins: an efun calling a function by name (filter(arr, "f")), a
 * call_other, a call_out, a function pointer's body. Anything else that is
 * not a direct JS call (applies, loading, heart beats) is the driver.
 */
const BETWEEN_RULES: readonly [RegExp, Origin][] = [
  [/Callback\b/, 'efun'],
  [/Runtime\.sefun\b/, 'simul'],
  [/Runtime\.(coN|ci\d|callOther)\b/, 'call_other'],
  [/Runtime\.runDueCallOuts\b|CallOut/, 'internal'],
];

export interface OriginFrame extends TraceFrame {
  origin: Origin;
}

/**
 * The LPC frames of `stack`, innermost first, each with how it was entered.
 * `objects` is the object stack innermost first (current object, then the
 * previous ones), as for parseLpcStack. `directPointer` is true when the
 * innermost driver code was reached from an efun pointer (`(: origin :)`)
 * without an LPC frame in between.
 */
export function originFrames(
  stack: string,
  programs: Map<number, Program>,
  objects: (LpcObject | 0)[],
): { frames: OriginFrame[]; directPointer: boolean } {
  const frames: OriginFrame[] = [];
  /** Each frame's generated JS name (pointer bodies are lpc__fp<N>). */
  const jsNames: string[] = [];
  /** Driver frames between frame i and its caller, frame i + 1. */
  const between: string[][] = [];
  /** Driver frames above the innermost LPC frame (the efun asking). */
  const lead: string[] = [];
  let depth = 0;
  for (const raw of stack.split('\n')) {
    if (!raw.includes(' at ')) continue;
    const m = FRAME_RE.exec(raw);
    const program = m ? programs.get(Number(m[2])) : undefined;
    const jsName = m ? ((m[1] ?? '').split('.').pop() ?? '').replace(/^new /, '') : '';
    const name = program ? program.jsNames.get(jsName) : undefined;
    if (!m || !program || name === undefined) {
      if (raw.includes(BOUNDARY_NAME)) depth++;
      (frames.length ? between[between.length - 1] : lead).push(raw);
      continue;
    }
    // The function that called an outlined loop's chunk is the same LPC frame.
    if (frames.length && isLoopChunk(jsNames[jsNames.length - 1])) {
      jsNames[jsNames.length - 1] = jsName;
      continue;
    }
    const jsLine = Number(m[3]);
    frames.push({
      function: name,
      program,
      object: objects[depth] ?? 0,
      file: program.files[program.fileTable[jsLine] ?? 0] ?? program.path,
      line: program.lineTable[jsLine] ?? 0,
      origin: 'driver',
    });
    jsNames.push(jsName);
    between.push([]);
  }
  for (let i = 0; i < frames.length; i++) {
    const gap = between[i];
    if (jsNames[i].startsWith('lpc__fp')) frames[i].origin = 'functional';
    else if (gap.length === 0 && i + 1 < frames.length) frames[i].origin = 'local';
    else frames[i].origin = BETWEEN_RULES.find(([re]) => gap.some((l) => re.test(l)))?.[1] ?? 'driver';
  }
  const directPointer = lead.some((l) => /EfunFunction\.call\b/.test(l));
  return { frames, directPointer };
}
