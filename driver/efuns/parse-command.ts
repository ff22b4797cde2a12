// parse_command(): MudOS v22's word-pattern matcher (src/parse.c, "Pattern
// Parser package for LPmud, Ver 3.1", kept unchanged by Neolith and FluffOS),
// rewritten for Lapis. The compiler turns `parse_command(cmd, env, pattern,
// lv...)` into a call of `parseCommand()` below and assigns `values` to the
// lvalues in order; the expression's value is `result`.
//
// The command and the pattern are exploded on spaces. Pattern elements:
//   'word'  must be the next word          [word]  the next word, optional
//   a / b   alternatives                   %s      any words (lazy when more follows)
//   %w      one word                       %d      a number: 12, "twelve", "all" (0),
//   %p      a preposition (master's list)          "second" (-2)
//   %o      one object                     %i / %l objects / living objects:
//                                                  ({ numeral, ob... })
// Objects come from the array given, or from the object given followed by its
// deep inventory. Their names come from the applies parse_command_id_list(),
// parse_command_plural_id_list() (plurals are made from the ids when missing)
// and parse_command_adjectiv_id_list(); the master's versions of the three
// apply to every object, and the master also gives parse_command_prepos_list()
// and parse_command_all_word(). A name may follow adjectives of the object
// ("big red ball"); once a plural matched, %i only accepts plurals.
//
// Values are stored as the match goes on, so a failed match can still have
// assigned the fill-ins before the failure (MudOS does the same).
//
// Lapis fixes where parse.c has a plain bug (COMPAT.md rule 3):
// - A name of several words ("red ball") no longer makes %i/%o skip the word
//   after it (parse.c resumed one word past the end of the name).
// - Made-up plurals: a word ending in "e" gets "s" ("stone" -> "stones") and
//   one ending in "h" but not "sh"/"ch" gets "s" ("moth" -> "moths"); parse.c's
//   switch fell through to "ves"/"ses" ("stonves", "motses"). In a phrase, the
//   word before "of" or else the last word is made plural (parse.c changed the
//   word before the last: "red ball" -> "reds ball"); "ox" gives "oxen".
// - Name lists are cached per object, not per position, so %l (which parses a
//   filtered list) cannot pick up another object's names.
// - %p with an array already in its variable is not supported: since MudOS
//   v22 the lvalues reach the efun empty, so the master's list is always used.
import type { Runtime as RuntimeApi } from '../vm/runtime-api.js';
import type { Runtime } from '../vm/runtime.js';
import { LpcObject } from '../vm/object.js';
import { inventoryOf } from '../vm/inventory.js';
import type { Value } from '../vm/values.js';
import { explode } from './strings.js';

/** What a parse_command() call produced: values for the lvalues, in order, and the return value. */
export interface ParseResult {
  result: number;
  values: Value[];
}

/** The applies that give an object's (or, on the master, every object's) names. */
const ID_APPLY = 'parse_command_id_list';
const PLURAL_APPLY = 'parse_command_plural_id_list';
const ADJECTIVE_APPLY = 'parse_command_adjectiv_id_list';

// Number words of parse.c ("twentyone", "twentyfirst": tens and ones are written together).
const ORD1 = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORD10 = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SORD10 = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const NUM1 = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const NUM10 = ORD10;

/** Word → value for 0..99 as cardinals (positive) and ordinals (negative), built once. */
const NUMBER_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  // Cardinals first: parse.c tries them before ordinals (both include "" for 0).
  for (let ten = 0; ten < 10; ten++) {
    for (let ones = 0; ones < 10; ones++) {
      const w = NUM10[ten] + (ten > 1 ? NUM1[ones] : NUM1[ten * 10 + ones]);
      if (!m.has(w)) m.set(w, ten * 10 + ones);
    }
  }
  for (let ten = 0; ten < 10; ten++) {
    for (let ones = 0; ones < 10; ones++) {
      const w = (ones ? ORD10[ten] : SORD10[ten]) + (ten > 1 ? ORD1[ones] : ORD1[ten * 10 + ones]);
      if (!m.has(w)) m.set(w, -(ten * 10 + ones));
    }
  }
  return m;
})();

/** Irregular plurals of parse.c's parse_one_plural. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  ox: 'oxen', corpse: 'corpses', tooth: 'teeth', foot: 'feet', man: 'men', woman: 'women', child: 'children',
  sheep: 'sheep', goose: 'geese', mouse: 'mice', deer: 'deer', moose: 'moose',
};

const VOWELS = 'aeiou';

/**
 * One English noun made plural the way parse.c does (other words under 3 or
 * over 91 letters stay). The irregular nouns come first: parse.c tested "ox"
 * after its length check, so it never gave "oxen".
 */
export function pluralOfWord(w: string): string {
  const irregular = IRREGULAR_PLURALS[w];
  if (irregular) return irregular;
  const sl = w.length - 1;
  if (sl < 2 || sl > 90) return w;
  const ch = w[sl];
  const ch2 = w[sl - 1];
  const stem = w.slice(0, sl);
  switch (ch) {
    case 'e':
      if (ch2 === 'f') return w.slice(0, sl - 1) + 'ves';
      break;
    case 'f':
      return stem + 'ves';
    case 'h':
      if (ch2 === 's' || ch2 === 'c') return stem + 'hes';
      break;
    case 's':
      return stem + 'ses';
    case 'x':
      return stem + 'xes';
    case 'y':
      if (!VOWELS.includes(ch2) || (ch2 === 'u' && w[sl - 2] === 'q')) return stem + 'ies';
      break;
  }
  return w + 's';
}

/** A name made plural: in "pair of boots" the word before "of", otherwise the last word. */
export function pluralOfName(name: string): string {
  if (!name.includes(' ')) return pluralOfWord(name);
  const words = name.split(' ');
  const of = words.indexOf('of', 1);
  const k = of > 0 ? of - 1 : words.length - 1;
  words[k] = pluralOfWord(words[k]);
  return words.join(' ');
}

/** The names one object answers to (null: the apply gave no array). */
interface Names {
  ids: Value[] | null;
  plurals: Value[] | null;
  adjectives: Value[] | null;
}

const strings = (v: Value | undefined): Value[] | null => (Array.isArray(v) ? v : null);

/** The state of one parse_command() call (parse.c's parse_global_t). */
class Parse {
  private readonly names = new Map<LpcObject, Names>();
  private readonly defaultIds: Value[] | null;
  private readonly defaultPlurals: Value[] | null;
  private readonly defaultAdjectives: Value[] | null;
  private readonly prepositions: Value[];
  private readonly allWord: string | null;
  /** Current word; patterns consume words by advancing it. */
  cix = 0;
  /** Index of the current pattern element. */
  pix = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly words: string[],
    private readonly pattern: string[],
    private readonly obs: Value[],
  ) {
    this.defaultIds = strings(rt.masterApply(ID_APPLY, []));
    this.defaultPlurals = strings(rt.masterApply(PLURAL_APPLY, []));
    this.defaultAdjectives = strings(rt.masterApply(ADJECTIVE_APPLY, []));
    this.prepositions = strings(rt.masterApply('parse_command_prepos_list', [])) ?? [];
    const all = rt.masterApply('parse_command_all_word', []);
    this.allWord = typeof all === 'string' ? all : null;
  }

  /** parse.c parse(): the main loop over the pattern, storing fill-in values as they match. */
  run(values: Value[]): boolean {
    const { words, pattern } = this;
    let fail = false;
    for (this.pix = 0; this.pix < pattern.length; this.pix++) {
      fail = false;
      const pat = pattern[this.pix];
      if (pat === '%s') {
        if (this.pix === pattern.length - 1) {
          // %s last: the rest of the words.
          values.push(this.slice(this.cix, words.length));
          this.cix = words.length;
          continue;
        }
        // %s before more pattern: the shortest run of words after which the next element matches.
        const first = this.cix;
        let skip = first;
        const next = ++this.pix;
        let r: ElementMatch;
        do {
          r = this.element();
          if (r.fail) {
            this.cix = ++skip;
            this.pix = next;
          }
        } while (r.fail && this.cix < words.length);
        fail = r.fail;
        if (!fail) {
          values.push(this.slice(first, skip));
          if (r.value !== undefined) values.push(r.value);
        }
      } else if (pat !== '/') {
        const r = this.element();
        fail = r.fail;
        if (!fail && r.value !== undefined) values.push(r.value);
      }
      if (fail) break;
    }
    // Words left over fail the match too.
    return !fail && this.cix >= words.length;
  }

  /** Words [from, to) joined by spaces. */
  private slice(from: number, to: number): string {
    return this.words.slice(from, to).join(' ');
  }

  /**
   * parse.c sub_parse(): the element at `pix` or one of its `/` alternatives.
   * On success `pix` is left on the last alternative of the group.
   */
  private element(): ElementMatch {
    const { pattern, words } = this;
    if (this.cix === words.length) return FAIL;
    const start = this.cix;
    let pix = this.pix;
    let r = this.one(pattern[pix]);
    while (r.fail) {
      pix++;
      this.cix = start;
      let alternative = false;
      while (pix < pattern.length && pattern[pix] === '/') {
        alternative = true;
        pix++;
      }
      if (!alternative || pix >= pattern.length) {
        this.pix = pix - 1;
        this.cix = start;
        return FAIL;
      }
      r = this.one(pattern[pix]);
    }
    // Skip the alternatives after the one that matched.
    while (pix + 1 < pattern.length && pattern[pix + 1] === '/') pix += 2;
    this.pix = Math.min(pix, pattern.length - 1);
    return r;
  }

  /** parse.c one_parse(): one pattern element at the current word. */
  private one(pat: string): ElementMatch {
    const { words } = this;
    if (this.cix >= words.length) return FAIL;
    let ch = pat[0] ?? '';
    if (ch === '%') ch = (pat[1] ?? '').toLowerCase();
    const word = words[this.cix];
    switch (ch) {
      case 'i': return this.items(this.obs);
      case 'l': return this.livings();
      case 's': return NO_VALUE; // a second %s in a row: nothing to do
      case 'w':
        this.cix++;
        return { fail: false, value: word };
      case 'o': return this.single();
      case 'p': return this.preposition();
      case 'd': {
        const n = this.numeral();
        return n === undefined ? FAIL : { fail: false, value: n };
      }
      case "'":
        // The closing quote is not checked: "'get'" matches "get".
        if (pat.slice(1, -1) !== word || pat.length !== word.length + 2) return FAIL;
        this.cix++;
        return NO_VALUE;
      case '[':
        if (pat.slice(1, -1) === word && pat.length === word.length + 2) this.cix++;
        return NO_VALUE;
      default:
        return NO_VALUE; // unknown elements (a bare word, %x) are skipped
    }
  }

  /**
   * parse.c number_parse(): a non-negative number in digits, the all-word (0),
   * a number word (1..99) or an ordinal (-1..-99). Consumes the word.
   */
  private numeral(): number | undefined {
    const word = this.words[this.cix];
    // C sscanf("%d"): optional blanks and sign, then digits; trailing text is ignored.
    const digits = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(word);
    if (digits) {
      const n = Number(digits[1]);
      if (n < 0) return undefined;
      this.cix++;
      // C's int would overflow; keep the value an exact LPC int.
      return Math.min(n, Number.MAX_SAFE_INTEGER);
    }
    if (this.allWord !== null && word === this.allWord) {
      this.cix++;
      return 0;
    }
    const n = NUMBER_WORDS.get(word);
    if (n === undefined) return undefined;
    this.cix++;
    return n;
  }

  /**
   * parse.c item_parse(): every object of `obs` the words describe, after an
   * optional numeral: ({ numeral, ob... }) where the numeral is what was given
   * ("three" 3, "second" -2, "all" 0), else 0 for a plural and 1 for a singular.
   */
  private items(obs: Value[]): ElementMatch {
    const start = this.cix;
    const numeral = this.numeral();
    const afterNumeral = this.cix;
    const matchAll = numeral === 0;
    const plural = { on: matchAll || (numeral !== undefined && numeral > 1) };
    let end = afterNumeral;
    const found: Value[] = [];
    for (const ob of obs) {
      if (!(ob instanceof LpcObject)) continue;
      // "all" on its own takes every object.
      if (afterNumeral === this.words.length && matchAll) {
        found.push(ob);
        continue;
      }
      const last = this.matchObject(ob, afterNumeral, plural);
      if (last !== undefined) {
        found.push(ob);
        end = Math.max(end, last + 1);
      }
    }
    if (!found.length) {
      this.cix = start;
      return FAIL;
    }
    this.cix = end;
    return { fail: false, value: [numeral ?? (plural.on ? 0 : 1), ...found] };
  }

  /**
   * parse.c living_parse(): %i over the living objects; failing that the
   * word as a player's or a living's name (find_player, then find_living).
   */
  private livings(): ElementMatch {
    const inv = inventoryOf(this.rt);
    const live = this.obs.filter((o) => o instanceof LpcObject && !o.destructed && inv.isLiving(o));
    if (live.length) {
      const r = this.items(live);
      if (!r.fail) return r;
    }
    const word = this.words[this.cix];
    const ob = inv.findLiving(word, true) || inv.findLiving(word, false);
    if (!ob) return FAIL;
    this.cix++;
    return { fail: false, value: ob };
  }

  /** parse.c single_parse(): the first object the words describe. */
  private single(): ElementMatch {
    for (const ob of this.obs) {
      if (!(ob instanceof LpcObject)) continue;
      const last = this.matchObject(ob, this.cix, { on: false });
      if (last !== undefined) {
        this.cix = last + 1;
        return { fail: false, value: ob };
      }
    }
    return FAIL;
  }

  /** parse.c prepos_parse(): one of the master's prepositions (several words allowed), as a string. */
  private preposition(): ElementMatch {
    const { words } = this;
    for (const p of this.prepositions) {
      if (typeof p !== 'string') continue;
      const parts = p.includes(' ') ? explode(this.rt, p, ' ') : [p];
      if (this.cix + parts.length > words.length) continue;
      if (parts.every((w, k) => words[this.cix + k] === w)) {
        this.cix += parts.length;
        return { fail: false, value: p };
      }
    }
    return FAIL;
  }

  /** The names of an object, asked once per call (parse.c load_lpc_info). */
  private namesOf(ob: LpcObject): Names {
    let n = this.names.get(ob);
    if (n) return n;
    n = { ids: null, plurals: null, adjectives: null };
    this.names.set(ob, n);
    if (ob.destructed) return n;
    n.plurals = strings(this.rt.apply(ob, PLURAL_APPLY, []));
    if (ob.destructed) return n;
    n.ids = strings(this.rt.apply(ob, ID_APPLY, []));
    if (n.ids && !n.plurals) n.plurals = n.ids.map((id) => (typeof id === 'string' ? pluralOfName(id) : 0));
    if (ob.destructed) return n;
    n.adjectives = strings(this.rt.apply(ob, ADJECTIVE_APPLY, []));
    return n;
  }

  /**
   * parse.c match_object(): whether the words from `from` name `ob` — a name
   * of it (the master's names first, singulars before plurals) preceded only
   * by its adjectives. Returns the index of the name's last word. A plural
   * match turns `plural.on` on, and from then on only plurals are tried.
   */
  private matchObject(ob: LpcObject, from: number, plural: { on: boolean }): number | undefined {
    const names = this.namesOf(ob);
    const lists = [this.defaultIds, names.ids, this.defaultPlurals, names.plurals];
    for (let kind = plural.on ? 2 : 0; kind < 4; kind++) {
      const ids = lists[kind];
      if (!ids) continue;
      for (const id of ids) {
        if (typeof id !== 'string') continue;
        const at = this.findName(id, from);
        if (!at) continue;
        if (at.start === from || this.adjectives(names, from, at.start - 1)) {
          if (kind > 1) plural.on = true;
          return at.end - 1;
        }
      }
    }
    return undefined;
  }

  /** parse.c find_string(): where a name (one or more words) first occurs at or after `from`. */
  private findName(name: string, from: number): { start: number; end: number } | undefined {
    const { words } = this;
    const parts = name.includes(' ') ? explode(this.rt, name, ' ') : null;
    for (let i = from; i < words.length; i++) {
      const w = words[i];
      if (w[0] !== name[0]) continue;
      if (w === name) return { start: i, end: i + 1 };
      if (!parts || i === words.length - 1 || parts.length > words.length - i) continue;
      if (parts.every((p, k) => words[i + k] === p)) return { start: i, end: i + parts.length };
    }
    return undefined;
  }

  /**
   * parse.c check_adjectiv(): whether words from..to are adjectives of the
   * object (or the master's): each word one, or else runs of words that are
   * adjectives of several words, longest first.
   */
  private adjectives(names: Names, from: number, to: number): boolean {
    const isAdjective = (s: string) => member(s, names.adjectives) || member(s, this.defaultAdjectives);
    const { words } = this;
    let all = true;
    for (let i = from; i <= to; i++) if (!isAdjective(words[i])) all = false;
    if (all) return true;
    if (from === to) return false;
    for (let i = from; i <= to;) {
      let back = to;
      while (back >= i && !isAdjective(words.slice(i, back + 1).join(' '))) back--;
      if (back < i) return false;
      i = back + 1;
    }
    return true;
  }
}

function member(s: string, list: Value[] | null): boolean {
  return !!list && list.includes(s);
}

/** How one pattern element went: failed, or matched with a fill-in value (undefined: none). */
interface ElementMatch {
  fail: boolean;
  value?: Value;
}

const FAIL: ElementMatch = { fail: true };
const NO_VALUE: ElementMatch = { fail: false };

/** parse_command(cmd, env | obs, pattern): the match result and the fill-in values in order. */
export function parseCommand(api: RuntimeApi, input: Value, source: Value, pattern: Value): ParseResult {
  const rt = api as Runtime;
  if (typeof input !== 'string') return rt.badArgument('parse_command', 1);
  if (!Array.isArray(source) && !(source instanceof LpcObject)) return rt.badArgument('parse_command', 2);
  if (typeof pattern !== 'string') return rt.badArgument('parse_command', 3);
  const values: Value[] = [];
  if (input === '' || pattern === '') return { result: 0, values };
  let obs: Value[];
  if (Array.isArray(source)) obs = source.map((o) => (o instanceof LpcObject && o.destructed ? 0 : o));
  else if (source.destructed) obs = [];
  else obs = [source, ...inventoryOf(rt).deepContents(source)];
  const p = new Parse(rt, explode(rt, input, ' '), explode(rt, pattern, ' '), obs);
  const ok = p.run(values);
  return { result: ok ? 1 : 0, values };
}
