// The line editor behind ed_start()/ed_cmd() (MudOS v22 ed.c, the "new ed"
// object interface): a buffer of lines, a current line, addresses (`.`, `$`,
// numbers, `+n`/`-n`, `/re/`, `?re?`, `'x` marks, `a,b`, `,`, `;`), and the
// commands a c d e f g h i j k l m n p q Q r s t v w W x z = and a bare
// newline. Regular expressions are MudOS's dialect (regexp-dialect.ts). The
// buffer knows nothing about objects or files: reading and writing go
// through the callbacks it is given, which apply valid_read/valid_write.
// Messages are ed.c's, so mudlib code matching on them keeps working.
import { translateRegexp } from './regexp-dialect.js';

/** What the editor needs from the driver. */
export interface EdHost {
  /** The file's text, or undefined when it can't be read (missing or refused). */
  read(path: string): string | undefined;
  /** Writes (or appends) text; false when refused or failing. */
  write(path: string, text: string, append: boolean): boolean;
}

/** ed.c report_status() texts for failing commands. */
const STATUS = {
  changed: 'File has been changed.\n',
  subFail: 'string substitution failed.\n',
  unrecognized: 'Unrecognized command.\n',
  badRange: 'Bad line range.\n',
  badLine: 'Bad line number.\n',
  syntax: 'Bad command syntax.\n',
  rangeIllegal: 'Cannot use ranges with that command.\n',
  restricted: 'That command is restricted.\n',
  lineOrRange: 'Cannot use lines or ranges with that command.\n',
  fileName: 'File command failed.\n',
  mark: "A mark must be in the range 'a to 'z.\n",
  badPattern: 'Bad pattern in search and replace.\n',
  badReplacement: 'Bad replacement in search and replace.\n',
} as const;

class EdError extends Error {}

const HELP = [
  'Help for Ed  (V 2.0)',
  '---------------------------------',
  '     by Qixx [Update: 7/10/91]',
  '',
  'Commands',
  '--------',
  '/\tsearch forward for pattern',
  '?\tsearch backward for a pattern',
  "=\tshow current line number",
  'a\tappend text starting after this line',
  'c\tchange current line, query for replacement text',
  'd\tdelete line(s)',
  'e\treplace this file with another file',
  'E\tsame as \'e\' but works if file has been modified',
  'f\tshow/change current file name',
  'g\tsearch and execute command on any matching line.',
  'h\thelp file (display this message)',
  'i\tinsert text starting before this line',
  'j\tjoin lines together',
  'k\tmark this line with a character - later referenced as \'a',
  'l\tline line(s) with control characters displayed',
  'm\tmove line(s) to specified line',
  'n\ttoggle line numbering',
  'p\tprint line(s) in range',
  'q\tquit editor',
  'Q\tquit editor even if file modified and not saved',
  'r\tread file into editor at end of file or behind the given line',
  's\tsearch and replace',
  't\tmove copy of line(s) to specified line',
  'v\tsearch and execute command on any non-matching line.',
  'x\tsave file and quit',
  'w\twrite to current file (or specified file)',
  'W\tlike the \'w\' command but appends instead',
  'z\tdisplay 20 lines, possible args are . + -',
  '',
  "For further information type 'hc' where c is the command",
  'that help is desired for.',
];

/** Lines of help shown before the editor waits for more (ed.c print_help's page). */
const HELP_PAGE = 20;

export class EdBuffer {
  lines: string[] = [];
  /** The current line, 1-based; 0 in an empty buffer. */
  cur = 0;
  fname = '';
  changed = false;
  /** Input mode: text goes after this line until a lone ".". */
  appendAfter: number | null = null;
  /** Help lines still to show (query_ed_mode() -2). */
  more: string[] | null = null;
  private numbers = false;
  private marks = new Map<string, number>();
  private lastPattern: RegExp | undefined;
  private out = '';

  constructor(private readonly host: EdHost, readonly restricted = false) {}

  /** query_ed_mode(): -2 while help waits, the line being entered in input mode, else 0. */
  mode(): number {
    if (this.more) return -2;
    if (this.appendAfter !== null) return this.appendAfter + 1;
    return 0;
  }

  /** Loads a file, as ed_start() does; a missing file starts an empty buffer. */
  start(path: string | undefined): string {
    if (path === undefined) {
      this.out += 'No file.\n';
    } else {
      this.fname = path;
      this.readInto(path, 0, true);
    }
    return this.flush();
  }

  /** Runs one line of input; `exit` is true when the session ended (q, Q, x). */
  command(input: string): { out: string; exit: boolean } {
    if (this.more) {
      this.showMore();
      return { out: this.flush(), exit: false };
    }
    if (this.appendAfter !== null) {
      if (input === '.') this.appendAfter = null;
      else {
        this.lines.splice(this.appendAfter, 0, input);
        this.appendAfter++;
        this.cur = this.appendAfter;
        this.changed = true;
      }
      return { out: this.flush(), exit: false };
    }
    let exit = false;
    try {
      exit = this.run(input);
    } catch (e) {
      if (!(e instanceof EdError)) throw e;
      this.out += e.message;
    }
    if (exit) this.out += 'Exit from ed.\n';
    return { out: this.flush(), exit };
  }

  private flush(): string {
    const o = this.out;
    this.out = '';
    return o;
  }

  // ---------------------------------------------------------------- addresses

  private compile(source: string): RegExp {
    if (source === '') {
      if (!this.lastPattern) throw new EdError(STATUS.badPattern);
      return this.lastPattern;
    }
    const t = translateRegexp(source);
    if ('error' in t) throw new EdError(`ed: regular expression error: ${t.error}\n`);
    this.lastPattern = new RegExp(t.source);
    return this.lastPattern;
  }

  /** Reads `delim`-terminated text from `s` at `i` (a backslash keeps the delimiter); returns it and the index after. */
  private delimited(s: string, i: number, delim: string): [string, number] {
    let text = '';
    for (; i < s.length && s[i] !== delim; i++) {
      if (s[i] === '\\' && s[i + 1] === delim) text += s[++i];
      else if (s[i] === '\\' && i + 1 < s.length) text += s[i] + s[++i];
      else text += s[i];
    }
    return [text, i < s.length ? i + 1 : i];
  }

  private search(re: RegExp, forward: boolean): number {
    const n = this.lines.length;
    for (let k = 1; k <= n; k++) {
      const ln = forward ? ((this.cur - 1 + k) % n) + 1 : ((this.cur - 1 - k + n * 2) % n) + 1;
      if (re.test(this.lines[ln - 1])) return ln;
    }
    throw new EdError(STATUS.badLine);
  }

  /** One address at s[i..], or undefined when there is none. */
  private address(s: string, i: number): [number | undefined, number] {
    let val: number | undefined;
    const c = s[i];
    if (c === '.') {
      val = this.cur;
      i++;
    } else if (c === '$') {
      val = this.lines.length;
      i++;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      val = Number(s.slice(i, j));
      i = j;
    } else if (c === '/' || c === '?') {
      const [pat, next] = this.delimited(s, i + 1, c);
      val = this.search(this.compile(pat), c === '/');
      i = next;
    } else if (c === "'") {
      const m = s[i + 1];
      if (!m || m < 'a' || m > 'z') throw new EdError(STATUS.mark);
      const at = this.marks.get(m);
      if (at === undefined) throw new EdError(STATUS.badLine);
      val = at;
      i += 2;
    }
    while (s[i] === '+' || s[i] === '-') {
      const sign = s[i] === '+' ? 1 : -1;
      let j = i + 1;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      const n = j > i + 1 ? Number(s.slice(i + 1, j)) : 1;
      val = (val ?? this.cur) + sign * n;
      i = j;
    }
    if (val !== undefined && (val < 0 || val > this.lines.length)) throw new EdError(STATUS.badLine);
    return [val, i];
  }

  /** The line range before a command: how many addresses were given, the two lines, and where the command starts. */
  private range(s: string): { count: number; a: number; b: number; i: number } {
    let i = 0;
    while (s[i] === ' ') i++;
    if (s[i] === ',' || s[i] === ';') {
      const whole = s[i] === ',';
      const [second, j] = this.address(s, i + 1);
      return { count: 2, a: whole ? 1 : this.cur, b: second ?? this.lines.length, i: j };
    }
    const [first, j] = this.address(s, i);
    if (first === undefined) return { count: 0, a: this.cur, b: this.cur, i: j };
    if (s[j] === ',' || s[j] === ';') {
      if (s[j] === ';') this.cur = first;
      const [second, k] = this.address(s, j + 1);
      if (second === undefined) throw new EdError(STATUS.badRange);
      if (second < first) throw new EdError(STATUS.badRange);
      return { count: 2, a: first, b: second, i: k };
    }
    return { count: 1, a: first, b: first, i: j };
  }

  // ----------------------------------------------------------------- commands

  private needLines(a: number, b: number): void {
    if (a < 1 || b > this.lines.length || a > b) throw new EdError(STATUS.badLine);
  }

  private print(a: number, b: number, numbered: boolean): void {
    this.needLines(a, b);
    for (let ln = a; ln <= b; ln++) {
      this.out += (numbered || this.numbers ? `${String(ln).padStart(4)}  ` : '') + this.lines[ln - 1] + '\n';
    }
    this.cur = b;
  }

  /** Runs a command line; true when the editor exits. */
  private run(input: string, inGlobal = false): boolean {
    const r = this.range(input);
    const rest = input.slice(r.i);
    const c = rest[0] ?? '\n';
    const arg = rest.slice(1);
    const { a, b, count } = r;
    switch (c) {
      case '\n':
      case '': {
        // A bare newline prints the addressed line, or the next one.
        const ln = count ? b : this.cur + 1;
        this.print(ln, ln, false);
        return false;
      }
      case '=':
        this.out += `${count ? b : this.lines.length}\n`;
        return false;
      case 'a':
      case 'i':
      case 'c': {
        if (arg.trim() !== '') throw new EdError(STATUS.syntax);
        if (c === 'c') {
          this.needLines(a, b);
          this.lines.splice(a - 1, b - a + 1);
          this.changed = true;
          this.appendAfter = a - 1;
        } else if (c === 'a') this.appendAfter = count ? b : this.cur;
        else this.appendAfter = Math.max(0, (count ? b : this.cur) - 1);
        this.cur = this.appendAfter;
        return false;
      }
      case 'd': {
        this.needLines(a, b);
        this.lines.splice(a - 1, b - a + 1);
        this.changed = true;
        this.cur = Math.min(a, this.lines.length);
        return false;
      }
      case 'p':
      case 'l':
        this.print(count ? a : this.cur, count ? b : this.cur, false);
        return false;
      case 'n':
        if (count) this.print(a, b, true);
        else this.numbers = !this.numbers;
        return false;
      case 'z': {
        const from = count ? a : this.cur + 1;
        const to = Math.min(this.lines.length, from + 19);
        this.print(from, to, false);
        return false;
      }
      case 'k': {
        const m = arg[0];
        if (!m || m < 'a' || m > 'z') throw new EdError(STATUS.mark);
        this.needLines(b, b);
        this.marks.set(m, b);
        return false;
      }
      case 'j': {
        const from = count ? a : this.cur;
        const to = count === 2 ? b : from + 1;
        this.needLines(from, to);
        const joined = this.lines.slice(from - 1, to).join('');
        this.lines.splice(from - 1, to - from + 1, joined);
        this.cur = from;
        this.changed = true;
        return false;
      }
      case 'm':
      case 't': {
        this.needLines(a, b);
        const [dest] = this.address(arg.trim(), 0);
        const to = dest ?? this.cur;
        const block = this.lines.slice(a - 1, b);
        if (c === 'm') {
          if (to >= a && to < b) throw new EdError(STATUS.badRange);
          this.lines.splice(a - 1, b - a + 1);
          const at = to >= b ? to - block.length : to;
          this.lines.splice(at, 0, ...block);
          this.cur = at + block.length;
        } else {
          this.lines.splice(to, 0, ...block);
          this.cur = to + block.length;
        }
        this.changed = true;
        return false;
      }
      case 's':
        this.substitute(count ? a : this.cur, count ? b : this.cur, arg);
        return false;
      case 'g':
      case 'v': {
        if (inGlobal) throw new EdError(STATUS.syntax);
        const delim = arg[0];
        if (!delim || delim === ' ' || delim === '\n') throw new EdError(STATUS.syntax);
        const [pat, next] = this.delimited(arg, 1, delim);
        const re = this.compile(pat);
        const from = count ? a : 1;
        const to = count ? b : this.lines.length;
        // Pick the matching lines first (ed's two passes), then run the command
        // on each, following the shift of lines the commands add or delete.
        const picked: number[] = [];
        for (let ln = from; ln <= to; ln++) {
          if (re.test(this.lines[ln - 1]) === (c === 'g')) picked.push(ln);
        }
        const cmd = arg.slice(next) || 'p';
        let shift = 0;
        for (const ln0 of picked) {
          const ln = ln0 + shift;
          if (ln < 1 || ln > this.lines.length) continue;
          this.cur = ln;
          const before = this.lines.length;
          if (this.run(cmd, true)) return true;
          shift += this.lines.length - before;
        }
        return false;
      }
      case 'w':
      case 'W': {
        if (arg !== '' && arg[0] !== ' ') throw new EdError(STATUS.syntax);
        const name = this.fileArg(arg);
        this.writeOut(name, count ? a : 1, count ? b : this.lines.length, c === 'W');
        return false;
      }
      case 'x': {
        if (count) throw new EdError(STATUS.lineOrRange);
        if (arg.trim() !== '' || inGlobal) throw new EdError(STATUS.syntax);
        this.writeOut(this.fileArg(''), 1, this.lines.length, false);
        return true;
      }
      case 'q':
      case 'Q':
        // q refuses to drop unsaved changes; Q quits anyway (ed.c).
        if (c === 'q' && this.changed) throw new EdError(STATUS.changed);
        if (arg.trim() !== '' || inGlobal) throw new EdError(STATUS.syntax);
        if (count) throw new EdError(STATUS.lineOrRange);
        return true;
      case 'e':
      case 'E': {
        if (count) throw new EdError(STATUS.lineOrRange);
        if (c === 'e' && this.changed) throw new EdError(STATUS.changed);
        const name = this.fileArg(arg);
        this.lines = [];
        this.cur = 0;
        this.fname = name;
        this.readInto(name, 0, true);
        return false;
      }
      case 'f': {
        if (count) throw new EdError(STATUS.lineOrRange);
        if (arg.trim() !== '') {
          if (this.restricted) throw new EdError(STATUS.restricted);
          this.fname = arg.trim();
        }
        this.out += `${this.fname || 'No file.'}\n`;
        return false;
      }
      case 'r': {
        if (this.restricted) throw new EdError(STATUS.restricted);
        if (count > 1) throw new EdError(STATUS.rangeIllegal);
        this.readInto(this.fileArg(arg), count ? b : this.lines.length, false);
        return false;
      }
      case 'h':
        this.help(arg.trim());
        return false;
      default:
        throw new EdError(STATUS.unrecognized);
    }
  }

  private fileArg(arg: string): string {
    const name = arg.trim() || this.fname;
    if (!name) throw new EdError(STATUS.fileName);
    if (arg.trim() && this.restricted) throw new EdError(STATUS.restricted);
    return name;
  }

  private readInto(path: string, after: number, fresh: boolean): void {
    const text = this.host.read(path);
    if (text === undefined) {
      this.out += `"${path}" isn't readable.\n`;
      return;
    }
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    this.lines.splice(after, 0, ...lines);
    this.cur = after + lines.length;
    if (fresh) {
      this.changed = false;
      this.cur = lines.length ? 1 : 0;
    } else this.changed = true;
    this.out += `"${path}" ${lines.length} lines ${new TextEncoder().encode(text).length} bytes\n`;
  }

  private writeOut(path: string, a: number, b: number, append: boolean): void {
    const slice = this.lines.length ? this.lines.slice(a - 1, b) : [];
    const text = slice.map((l) => l + '\n').join('');
    if (!this.host.write(path, text, append)) {
      this.out += `"${path}" can't be opened for writing!\n`;
      throw new EdError(STATUS.fileName);
    }
    if (!append && path === this.fname) this.changed = false;
    this.out += `"${path}" ${slice.length} lines ${new TextEncoder().encode(text).length} bytes\n`;
  }

  /** `s/re/replacement/[g][p]` with any delimiter; `&` and `\1`-`\9` in the replacement. */
  private substitute(a: number, b: number, arg: string): void {
    const delim = arg[0];
    if (!delim || delim === ' ' || delim === '\n') throw new EdError(STATUS.syntax);
    const [pat, afterPat] = this.delimited(arg, 1, delim);
    const [rep, afterRep] = this.delimited(arg, afterPat, delim);
    const flags = arg.slice(afterRep);
    if (/[^gp0-9 ]/.test(flags)) throw new EdError(STATUS.syntax);
    const re = this.compile(pat);
    const global = flags.includes('g');
    this.needLines(a, b);
    let any = false;
    for (let ln = a; ln <= b; ln++) {
      const line = this.lines[ln - 1];
      const g = new RegExp(re.source, global ? 'g' : '');
      const next = line.replace(g, (...m: unknown[]) => this.expand(rep, m));
      if (g.test(line)) {
        any = true;
        this.lines[ln - 1] = next;
        this.cur = ln;
      }
    }
    if (!any) throw new EdError(STATUS.subFail);
    this.changed = true;
    if (flags.includes('p')) this.print(this.cur, this.cur, false);
  }

  private expand(rep: string, m: unknown[]): string {
    let out = '';
    for (let i = 0; i < rep.length; i++) {
      const ch = rep[i];
      if (ch === '&') out += String(m[0]);
      else if (ch === '\\' && i + 1 < rep.length) {
        const d = rep[++i];
        if (d >= '1' && d <= '9') out += String(m[Number(d)] ?? '');
        else if (d === 'n') out += '\n';
        else out += d;
      } else out += ch;
    }
    return out;
  }

  private help(topic: string): void {
    if (topic) {
      const line = HELP.find((l) => l.startsWith(topic[0] + '\t'));
      if (!line) throw new EdError(STATUS.unrecognized);
      this.out += `Command: ${topic[0]}\n${line.slice(2)}\n`;
      return;
    }
    this.out += HELP.slice(0, HELP_PAGE).join('\n') + '\n--Return to continue--';
    this.more = HELP.slice(HELP_PAGE);
  }

  private showMore(): void {
    this.out += this.more!.join('\n') + '\n';
    this.more = null;
  }
}
