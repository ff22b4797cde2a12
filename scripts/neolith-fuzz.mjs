#!/usr/bin/env node
// Differential fuzz against Neolith: random LPC expressions in the areas where
// Lapis and Neolith should agree, run by both, outputs compared line by line.
// The areas: small ints (+ - * / % & | ^ << >> comparisons, ?:), ASCII
// strings (+, ranges, case efuns, replace_string, implode, strsrch, sprintf
// with widths, justification, precision and pad characters),
// int and string arrays (+ -, ranges, sort_array, filter_array, explode
// without edge delimiters, map_array), mappings (+, - keys, filter, map; shown
// with sorted keys), member_array, sort_array with a comparator, and sscanf.
// Left out on purpose (deliberate differences, COMPAT.md): floats (MudOS's
// "%f" formatting), ints past 32 bits in sprintf (Lapis prints all 64), %x/%o
// of negatives, `&` on arrays (MudOS orders its result by alist_cmp),
// member_array with a start past the end (MudOS returns the start), sscanf
// "%s.c" of "x.cc" (Neolith matches; MudOS needs the literal at the end),
// `[<n..]` overshooting a string under OldRangeBehavior, non-ASCII text.
// Every operand goes through I() (mixed), so Neolith's compile-time typing,
// stricter than MudOS's without #pragma strict_types, does not refuse it.
// Lapis runs with OldRangeBehavior and ReversibleExplodeString, as Neolith is
// built.
//
// Even seeds (every seed with --statements) make statement programs instead:
// functions of nested loops that cross codegen's loop-chunk boundaries (256
// and 4096 iterations), break/continue/return in them, switch with ranges,
// foreach and string building, each called with a few arguments.
//
// Every fifth seed (every seed with --objects) makes object programs: an
// inherit chain with random modifiers, redefinitions and late-bound, ::f()
// and call_other calls between its functions.
//
// usage: node scripts/neolith-fuzz.mjs /path/to/neolith [first-seed] [last-seed] [expressions-per-seed] [--statements | --objects]
// Prints the differing lines per seed (the case file stays in a temp dir for
// a look), then a summary; exit 1 when anything differed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lapisCommand } from '../bench/driver-command.mjs';
import { runOnNeolith } from './neolith-run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const statementsOnly = process.argv.includes('--statements');
const objectsOnly = process.argv.includes('--objects');
const [neolith, firstArg = '1', lastArg = '20', countArg = '200'] = positional;
if (!neolith || !existsSync(neolith)) {
  console.error('usage: node scripts/neolith-fuzz.mjs /path/to/neolith [first-seed] [last-seed] [expressions-per-seed] [--statements | --objects]');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'driver', 'lapis.mjs'))) {
  console.error('neolith-fuzz: dist/ is missing; run `npm run build:ts` first');
  process.exit(2);
}

/** One generated program: COUNT random expressions, each printed with its index. */
function program(seedValue, count, statements) {
  let seed = seedValue >>> 0;
  function rnd() {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

  function intLit() {
    const r = rnd();
    const n = r < 0.7 ? int(-20, 20) : r < 0.9 ? int(-1000, 1000) : int(-2147483647, 2147483647);
    return n < 0 ? `(${n})` : String(n);
  }
  const WORDS = ['a', 'b', 'ab', 'abc', 'hello', 'x', 'Zed', 'lo', 'l', 'mud', 'O', ''];
  function strLit() {
    return JSON.stringify(pick(WORDS) + (rnd() < 0.3 ? pick(WORDS) : ''));
  }

  const I = (x) => `I(${x})`;
  function intExpr(d) {
    if (d <= 0) return intLit();
    return I(intExpr0(d));
  }
  function intExpr0(d) {
    const r = rnd();
    if (r < 0.25) return intLit();
    if (r < 0.55) {
      const op = pick(['+', '-', '*', '/', '%', '&', '|', '^', '==', '!=', '<', '>', '<=', '>=', '&&', '||']);
      return `(${intExpr(d - 1)} ${op} ${intExpr(d - 1)})`;
    }
    if (r < 0.6) return `(${intExpr(d - 1)} << ${int(0, 12)})`;
    if (r < 0.65) return `(${intExpr(d - 1)} >> ${int(0, 12)})`;
    if (r < 0.7) return `(${pick(['-', '!', '~'])}${intExpr(d - 1)})`;
    if (r < 0.74) return `strlen(${strExpr(d - 1)})`;
    if (r < 0.78) return `sizeof(${arrExpr(d - 1)})`;
    if (r < 0.82) return `member_array(${intExpr(d - 1)}, ${arrExpr(d - 1)})`;
    if (r < 0.86) return `strsrch(${strExpr(d - 1)}, ${strLit()})`;
    if (r < 0.9) return `(${strExpr(d - 1)} ${pick(['==', '!=', '<', '>'])} ${strExpr(d - 1)})`;
    if (r < 0.94) return `(${intExpr(d - 1)} ? ${intExpr(d - 1)} : ${intExpr(d - 1)})`;
    if (r < 0.97) return `(${arrExpr(d - 1)} + ({ 0, 0, 0, 0 }))[${int(0, 3)}]`;
    return `to_int(${JSON.stringify(String(int(-500, 500)))})`;
  }

  function strExpr(d) {
    if (d <= 0) return strLit();
    return I(strExpr0(d));
  }
  function strExpr0(d) {
    const r = rnd();
    if (r < 0.25) return strLit();
    if (r < 0.4) return `(${strExpr(d - 1)} + ${strExpr(d - 1)})`;
    if (r < 0.5) return `(${strExpr(d - 1)} + ${intExpr(d - 1)})`;
    if (r < 0.55) return `(${intExpr(d - 1)} + ${strExpr(d - 1)})`;
    if (r < 0.63) return `${strExpr(d - 1)}[${int(0, 4)}..${int(0, 6)}]`;
    if (r < 0.67) return `${strExpr(d - 1)}[<1..]`;
    if (r < 0.7) return `${strExpr(d - 1)}[${int(0, 3)}..]`;
    if (r < 0.76) return `${pick(['upper_case', 'lower_case', 'capitalize'])}(${strExpr(d - 1)})`;
    if (r < 0.82) return `replace_string(${strExpr(d - 1)}, ${JSON.stringify(pick(['a', 'l', 'lo', 'b']))}, ${strLit()})`;
    if (r < 0.88) return `implode(${sarrExpr(d - 1)}, ${JSON.stringify(pick([',', '-', '', ' ']))})`;
    if (r < 0.94) return `sprintf(${JSON.stringify(pick(['%d', '%5d', '%-5d|', '%s', '%-6s|', '%6s|']))}, (${intExpr(d - 1)} % 1000000))`;
    return `(${intExpr(d - 1)} ? ${strExpr(d - 1)} : ${strExpr(d - 1)})`;
  }

  function arrExpr(d) {
    if (d <= 0 || rnd() < 0.3) return `({ ${Array.from({ length: int(0, 5) }, () => int(-5, 9)).map((n) => (n < 0 ? `(${n})` : n)).join(', ')} })`;
    const r = rnd();
    if (r < 0.3) return `(${arrExpr(d - 1)} + ${arrExpr(d - 1)})`;
    if (r < 0.5) return `(${arrExpr(d - 1)} - ${arrExpr(d - 1)})`;
    if (r < 0.8) return `sort_array(${arrExpr(d - 1)}, ${pick(['1', '-1'])})`;
    if (r < 0.9) return `${arrExpr(d - 1)}[${int(0, 3)}..${int(0, 5)}]`;
    return `filter_array(${arrExpr(d - 1)}, (: $1 ${pick(['>', '<', '=='])} ${int(-2, 5)} :))`;
  }

  function sarrExpr(d) {
    const r = rnd();
    if (d <= 0 || r < 0.4) return `({ ${Array.from({ length: int(0, 4) }, () => JSON.stringify(pick(WORDS.filter(Boolean)))).join(', ')} })`;
    if (r < 0.7) {
      // Inner words non-empty and no delimiter at either end: the same under every explode rule.
      const words = Array.from({ length: int(1, 4) }, () => pick(WORDS.filter(Boolean)));
      return `explode(${JSON.stringify(words.join(','))}, ",")`;
    }
    if (r < 0.85) return `sort_array(${sarrExpr(d - 1)}, 1)`;
    return `map_array(${sarrExpr(d - 1)}, (: upper_case :))`;
  }

  function mapExpr(d) {
    const r = rnd();
    if (d <= 0 || r < 0.35) {
      const n = int(0, 4);
      return `([ ${Array.from({ length: n }, () => `${JSON.stringify(pick(WORDS))}: ${intLit()}`).join(', ')} ])`;
    }
    if (r < 0.6) return `(I(${mapExpr(d - 1)}) + I(${mapExpr(d - 1)}))`;
    if (r < 0.75) return `(I(${mapExpr(d - 1)}) - I(${sarrExpr(1)}))`;
    if (r < 0.9) return `filter(${mapExpr(d - 1)}, (: $2 ${pick(['>', '<'])} ${int(-5, 5)} :))`;
    return `map(${mapExpr(d - 1)}, (: $2 * 2 :))`;
  }
  function sscanfExpr() {
    const a = pick(['%d', '%s', '%x']);
    const sep = pick([' ', ',', ':', 'x']);
    const b = pick(['%d', '%s']);
    const input = pick(['12 ab', '12,34', 'ab:cd', '0x1f x 3', '  7 8', 'abc', '5', '1:2:3', '-3,x', '']);
    return `({ sscanf(I(${JSON.stringify(input)}), ${JSON.stringify(a + sep + b)}, sa, sb), sa, sb })`;
  }

  // Statement mode: functions of loops (long enough to cross codegen's loop
  // chunks at 256 and 4096 iterations), break/continue/return inside them,
  // switch with ranges and default, foreach and string building; ints stay
  // small (every assignment is taken modulo 1000003).
  function statementProgram(nFuncs) {
    const LOOP_VARS = ['i', 'j', 'k'];
    let foreachVars = 0;
    const bounds = () => pick([0, 1, 3, 255, 256, 257, 300, 1000, 4095, 4096, 4097, 5000]);
    const small = () => pick([0, 1, 2, 3, 5, 9]);
    function val(depth) {
      const vars = ['a', 'b', 'c', 'n', ...LOOP_VARS.slice(0, depth)];
      const atom = () => (rnd() < 0.6 ? pick(vars) : String(int(0, 50)));
      const r = rnd();
      if (r < 0.4) return atom();
      if (r < 0.8) return `(${atom()} ${pick(['+', '-', '*'])} ${atom()})`;
      return `(${atom()} ${pick(['/', '%'])} ${int(1, 9)})`;
    }
    const cond = (depth) => `(${val(depth)} ${pick(['<', '>', '==', '!=', '<=', '>='])} ${val(depth)})`;
    function block(depth, inLoop, budget, size) {
      const out = [];
      for (let q = 0; q < size; q++) out.push(stmt(depth, inLoop, budget));
      return out.join('\n');
    }
    function stmt(depth, inLoop, budget) {
      const r = rnd();
      if (r < 0.3) return `${pick(['a', 'b', 'c'])} = (${val(depth)}) % 1000003;`;
      if (r < 0.38) return `if (strlen(s) < 40) s += ${JSON.stringify(pick(['x', 'yz', '']))} + ${val(depth)};`;
      if (r < 0.5) return `if ${cond(depth)} { ${block(depth, inLoop, budget, 2)} } else { ${block(depth, inLoop, budget, 1)} }`;
      if (r < 0.6 && inLoop) return `if ${cond(depth)} ${pick(['break', 'continue'])};`;
      if (r < 0.64) return `if ${cond(depth)} return (${val(depth)}) % 1000003;`;
      if (r < 0.66) return `if (sizeof(arr) < 60) arr += ({ ${val(depth)} });`;
      if (r < 0.67) return `m[(${val(depth)}) % 5]++;`;
      if (r < 0.675) return `m["k" + ((${val(depth)}) % 3)] += (${val(depth)}) % 1000;`;
      if (r < 0.68) return `catch(a = (a + 100 / I(${val(depth)} - ${int(0, 5)})) % 1000003);`;
      if (r < 0.7) return `a = evaluate((: ($1 * 3 + $2) % 1000003 :), a, ${val(depth)});`;
      if (r < 0.72) {
        // A local declared in the block (inside a loop it stays the loop chunk's own).
        const t = `t${++foreachVars}`;
        return `int ${t} = ${val(depth)}; b = (b + ${t} * 2) % 1000003;`;
      }
      if (r < 0.72) {
        return `switch ((${val(depth)}) % 7) { case 0: ${block(depth, inLoop, budget, 1)} break; case 1..3: ${block(depth, inLoop, budget, 1)} ${pick(['break;', ''])} case -3..-1: c++; break; default: ${block(depth, inLoop, budget, 1)} }`;
      }
      if (depth < 3 && budget > 10) {
        const v = LOOP_VARS[depth];
        const nIter = depth === 0 ? bounds() : small();
        const inner = Math.max(1, Math.floor(budget / Math.max(1, nIter)));
        if (r < 0.85) return `for (${v} = 0; ${v} < ${nIter}; ${v}++) { ${block(depth + 1, true, inner, 2)} }`;
        if (r < 0.9) return `${v} = 0; while (${v} < ${nIter}) { ${v}++; ${block(depth + 1, true, inner, 2)} }`;
        if (r < 0.93) return `${v} = 0; do { ${v}++; ${block(depth + 1, true, inner, 2)} } while (${v} < ${nIter});`;
        // Each foreach variable gets a name of its own: MudOS refuses to redeclare a local in the function.
        const x = `x${++foreachVars}`;
        return `foreach (int ${x} in ({ ${Array.from({ length: int(0, 5) }, () => int(-9, 9)).map((e) => (e < 0 ? `(${e})` : e)).join(', ')} })) { c = (c + ${x}) % 1000003; ${block(depth, true, inner, 1)} }`;
      }
      return `b = (b + ${val(depth)}) % 1000003;`;
    }
    const fns = [];
    for (let f = 0; f < nFuncs; f++) {
      fns.push(`int f${f}(int n) {
  int a = ${int(0, 9)}, b = ${int(0, 9)}, c = 0, i, j, k;
  string s = "";
  int *arr = ({ });
  mapping m = ([ ]);
  ${block(0, false, 20000, 4)}
  foreach (mixed key, mixed v in m) c = (c + v * 3 + (intp(key) ? key : strlen(key))) % 1000003;
  return (a * 31 + b * 7 + c + strlen(s) + sizeof(arr) * 11 + (sizeof(arr) ? arr[<1] : 0) + sizeof(m)) % 1000003;
}`);
    }
    return `mixed I(mixed x) { return x; }
${fns.join("\n")}
void create() {
  int r;
  string e;
${fns.map((_, f) => [0, 1, 5, 300].map((n) => `  reset_eval_cost(); e = catch(r = f${f}(${n})); write("f${f}(${n}) " + (e ? "ERR" : "" + r) + "\\n");`).join('\n')).join('\n')}
}
`;
  }

  // Objects mode: an inherit chain base <- mid <- case whose functions get
  // random modifiers (private, static, protected, public, varargs), are
  // redefined at random further down, call each other (late-bound, ::f(),
  // Name::f()) and are reached from outside by call_other and
  // function_exists(). Calls that would not compile (a private function of a
  // parent, nomask) are left out.
  function objectPrograms() {
    const NAMES = ['fa', 'fb', 'fc', 'fd', 'fe'];
    const MODS = ['', '', 'private ', 'static ', 'protected ', 'public ', 'varargs '];
    const levels = ['base', 'mid', 'case'];
    // defs[level][name] = modifier, for the functions each level defines
    const defs = levels.map(() => ({}));
    for (const name of NAMES) defs[0][name] = pick(MODS);
    for (let l = 1; l < 3; l++) for (const name of NAMES) if (rnd() < 0.4) defs[l][name] = pick(MODS);
    // What a level may call by name: its own functions, and inherited ones whose
    // nearest definition is not private.
    const visible = (l, name) => {
      for (let k = l; k >= 0; k--) {
        if (defs[k][name] !== undefined) return k === l || !defs[k][name].startsWith('private');
      }
      return false;
    };
    // What `::name()` at a level reaches: the nearest definition above it, if not private.
    const inheritedVisible = (l, name) => {
      for (let k = l - 1; k >= 0; k--) if (defs[k][name] !== undefined) return !defs[k][name].startsWith('private');
      return false;
    };
    // Half the programs also give case a second parent, side (no inherits of its
    // own), before or after mid: case then calls by name only what it defines.
    const side = rnd() < 0.5 ? Object.fromEntries(NAMES.filter(() => rnd() < 0.5).map((n) => [n, pick(MODS)])) : undefined;
    const sideFirst = rnd() < 0.5;
    // With two parents: whether the later one that has the name has it private
    // (then case's own prototype of it is ignored, as with one parent).
    const parentsHidePrivately = (name) => {
      const inMid = defs.slice(0, 2).some((d) => d[name] !== undefined);
      const inSide = side[name] !== undefined;
      const last = sideFirst ? (inMid ? 'mid' : inSide ? 'side' : undefined) : inSide ? 'side' : inMid ? 'mid' : undefined;
      if (last === 'side') return side[name].startsWith('private');
      if (last === 'mid') return !inheritedVisible(2, name);
      return false;
    };
    // `::name()` in case with two parents: MudOS takes the first direct inherit
    // that has the name at all, which must not have it private.
    const superCallable = (name) => {
      const inMid = defs.slice(0, 2).some((d) => d[name] !== undefined);
      const inSide = side[name] !== undefined;
      const first = sideFirst ? (inSide ? 'side' : inMid ? 'mid' : undefined) : inMid ? 'mid' : inSide ? 'side' : undefined;
      if (first === 'side') return !side[name].startsWith('private');
      if (first === 'mid') return inheritedVisible(2, name);
      return false;
    };
    const files = {};
    if (side) {
      const lines = Object.entries(side).map(([name, mod]) => `${mod}string ${name}(int depth);`);
      for (const [name, mod] of Object.entries(side)) {
        const other = pick(NAMES);
        const call = other !== name && rnd() < 0.5 ? ` + "," + (depth < 2 ? sprintf("%O", this_object()->${other}(depth + 1)) : "")` : '';
        lines.push(`${mod}string ${name}(int depth) { return "[side.${name}"${call} + "]"; }`);
      }
      files['side.c'] = lines.join('\n') + '\n';
    }
    for (let l = 0; l < 3; l++) {
      const lines = [];
      if (l === 2 && side && sideFirst) lines.push('inherit "/side";');
      if (l > 0) lines.push(`inherit "/${levels[l - 1]}";`);
      if (l === 2 && side && !sideFirst) lines.push('inherit "/side";');
      // Prototypes first: Neolith wants a function declared before a call to it.
      for (const [name, mod] of Object.entries(defs[l])) lines.push(`${mod}string ${name}(int depth);`);
      for (const [name, mod] of Object.entries(defs[l])) {
        const calls = [];
        for (let q = 0; q < 2; q++) {
          const other = pick(NAMES);
          if (other === name) continue;
          const r = rnd();
          // (Not to a redefinition of a parent's private function: MudOS ignores
          // the prototype then, so a call before the body is refused.)
          const plain = !(l === 2 && side) || (defs[2][other] !== undefined && !parentsHidePrivately(other));
          if (r < 0.4 && plain && visible(l, other) && !(defs[l][other] !== undefined && l > 0 && !inheritedVisible(l, other) && defs.slice(0, l).some((d) => d[other] !== undefined))) calls.push(`(depth < 2 ? ${other}(depth + 1) : "")`);
          else if (r < 0.55 && l > 0 && (l === 2 && side ? superCallable(other) : inheritedVisible(l, other))) calls.push(`(depth < 2 ? ::${other}(depth + 1) : "")`);
          else if (r < 0.7) calls.push(`(depth < 2 ? sprintf("%O", this_object()->${other}(depth + 1)) : "")`);
          // previous_object() in a call_other frame (the object itself, or the loader).
          else if (r < 0.78) calls.push(`(previous_object() ? file_name(previous_object())[0..0] : "0")`);
        }
        const body = [`"${levels[l]}.${name}"`, ...calls].join(' + "," + ');
        lines.push(`${mod}string ${name}(int depth) { return "[" + ${body} + "]"; }`);
      }
      if (l === 2) {
        const out = [];
        for (const name of NAMES) {
          if (side ? defs[2][name] !== undefined : visible(2, name)) out.push(`  write("${name}: " + ${name}(0) + "\\n");`);
          out.push(`  write("->${name}: " + sprintf("%O", this_object()->${name}(0)) + "\\n");`);
          // Too few arguments fill with 0, too many are dropped (call_other and apply).
          out.push(`  write("->${name}(): " + sprintf("%O", ${pick([`this_object()->${name}()`, `call_other(this_object(), "${name}", 1, 2)`, `call_other(this_object(), ({ "${name}", 2 }))`])}) + "\\n");`);
          // (Only with the flag: without it Neolith does not hide static and
          // private functions, which MudOS's testsuite asks for.)
          out.push(`  write("exists ${name}: " + sprintf("%O", function_exists("${name}", this_object(), 1)) + "\\n");`);
        }
        lines.push(`void create() {\n${out.join('\n')}\n}`);
      }
      files[`${levels[l]}.c`] = lines.join('\n') + '\n';
    }
    return files;
  }

  function sprintfExpr(d) {
    const fmt = pick(['%s', '%-8s|', '%8s|', '%|8s|', '%.2s', '%-4.2s|', '%5s%-3d|', '%d:%s', '%%%s', '%2d|%-2d|', "%'.'8s|", "%'-'-8d|", '%+d', '% d']);
    // One argument per conversion: an int for %d, a string for %s.
    const convs = fmt.replace(/%%/g, '').split('%').slice(1);
    // (Ints kept within 32 bits: Neolith's sprintf prints only those right.)
    const args = convs.map((c) => (/^[^a-z]*d/.test(c) ? `(${intExpr(d - 1)} % 1000000)` : strExpr(d - 1)));
    return `sprintf(${JSON.stringify(fmt)}${args.map((a) => ', ' + a).join('')})`;
  }
  function sscanf2Expr() {
    const fmt = pick(['%d%s', '%s %d', '%*s %d', '%d,%*d,%d', '%s:%s', '%x', '%d %%', '%s.c']);
    const input = pick(['12abc', 'foo 42', 'a b 7', '1,2,3', 'key:val:x', 'ff', '7 %', 'room.c', '', ' 5']);
    return `({ sscanf(I(${JSON.stringify(input)}), ${JSON.stringify(fmt)}, sa, sb), sa, sb })`;
  }
  const gens = [
    () => intExpr(3), () => strExpr(3), () => arrExpr(3), () => sarrExpr(2), () => `map_show(I(${mapExpr(2)}))`,
    sscanfExpr, sscanf2Expr, () => sprintfExpr(2), () => `strsrch(${strExpr(2)}, ${strLit()}, ${pick(['0', '1', '-1'])})`,
    () => `member_array(${int(-2, 9)}, ${arrExpr(2)} + ({ 1, 2, 3 }), ${int(0, 3)})`,
    () => `sort_array(${arrExpr(2)}, (: $2 - $1 :))`, () => `${arrExpr(2)}[<${int(1, 3)}..<${int(1, 3)}]`,
    () => `(${sarrExpr(1)} ${pick(['+', '-'])} ${sarrExpr(1)})`, () => `member_array(${JSON.stringify(pick(WORDS))}, ${sarrExpr(1)})`,
    () => `sizeof(I(${mapExpr(2)}))`,
    () => `evaluate((: ($1 ${pick(['+', '-', '*'])} $2) % 1000 :), ${intExpr(2)}, ${intExpr(2)})`,
    () => `evaluate((: $(${intExpr(1)}) + $1 :), ${intExpr(1)})`,
    () => `map_array(${arrExpr(2)}, (: $1 * $(${int(-3, 3)}) + $2 :), ${int(-5, 5)})`,
    // (Thrown values that cannot fail themselves: a failing efun's error text
    // would differ only by MudOS's "*", which Neolith leaves out.)
    () => `catch(throw(${pick([intLit(), strLit(), arrExpr(0)])}))`,
    () => `catch(error(${JSON.stringify(pick(['boom', 'x\n', 'two words']))}))`,
    () => `(catch(${intExpr(2)}) ? 1 : 2)`,
  ];
  if (statements === 'objects') return objectPrograms();
  if (statements) return statementProgram(count);
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(pick(gens)());
  return `string show(mixed v) {
  string s;
  int i;
  if (intp(v)) return "" + v;
  if (stringp(v)) return "\\"" + v + "\\"";
  if (arrayp(v)) {
    s = "({";
    for (i = 0; i < sizeof(v); i++) s += (i ? "," : "") + show(v[i]);
    return s + "})";
  }
  return "?" + typeof(v);
}
mixed I(mixed x) { return x; }
mixed sa, sb;
string map_show(mapping m) {
  string s = "([";
  foreach (mixed k in sort_array(keys(m), 1)) s += show(k) + ":" + show(m[k]) + ",";
  return s + "])";
}
void t(int n, mixed r, string e) { write(n + ": " + (e ? "ERR" : show(r)) + "\\n"); }
void create() {
  mixed r;
  string e;
${lines.map((l, i) => `  sa = sb = 0; e = catch(r = ${l}); t(${i}, r, e);`).join('\n')}
}
`;
}

let differing = 0;
let compared = 0;
for (let seed = Number(firstArg); seed <= Number(lastArg); seed++) {
  const dir = mkdtempSync(join(tmpdir(), 'lapis-fuzz-'));
  // Statement programs (--statements, or every other seed): countArg / 20
  // functions; object programs (--objects, or every fifth seed) run as a
  // loaded object under an app like Neolith's master, not as the app itself.
  const mode = objectsOnly || (!statementsOnly && seed % 5 === 0) ? 'objects' : statementsOnly || seed % 2 === 0;
  let app = join(dir, 'case.c');
  if (mode === 'objects') {
    for (const [file, text] of Object.entries(program(seed, 0, mode))) writeFileSync(join(dir, file), text);
    app = join(dir, '__lapis_app.c');
    writeFileSync(app, `void create() { seteuid(getuid()); load_object("/case"); }
string creator_file(string file) { return "Backbone"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return 1; }
`);
  } else {
    writeFileSync(join(dir, 'case.c'), program(seed, mode ? Math.max(1, Math.round(Number(countArg) / 20)) : Number(countArg), mode));
  }
  writeFileSync(join(dir, 'neolith-build.conf'), 'OldRangeBehavior yes\nReversibleExplodeString yes\n');
  const [node, args] = lapisCommand(['-f', join(dir, 'neolith-build.conf'), app]);
  const ours = spawnSync(node, args, { encoding: 'utf8', timeout: 60_000 });
  const theirs = runOnNeolith(neolith, dir, 'case');
  if (!ours.stdout && theirs.includes('LOAD ERROR')) {
    console.log(`seed ${seed}: both refuse to compile it (${ours.stderr.split('\n')[0]})`);
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  compared++;
  const a = ours.stdout.split('\n');
  const b = theirs.split('\n');
  const diffs = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) diffs.push(`  lapis   ${a[i] ?? '<end>'}\n  neolith ${b[i] ?? '<end>'}`);
  if (diffs.length) {
    differing++;
    console.log(`seed ${seed}: ${diffs.length} lines differ (${join(dir, 'case.c')})`);
    console.log(diffs.slice(0, 6).join('\n'));
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`${compared - differing} of ${compared} programs gave the same output`);
process.exit(differing ? 1 : 0);
