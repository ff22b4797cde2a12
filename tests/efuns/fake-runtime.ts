// A small stand-in for the VM's Runtime so efun modules can be tested without
// the engine. Shared by the efun test suites (strings, containers, ...): keep it
// generic and additive.
import { LpcError } from '../../driver/vm/errors.js';
import { DEFAULT_LIMITS, type Limits, type Runtime } from '../../driver/vm/runtime-api.js';
import { LFunction, LMapping, type LObjectRef, type Value } from '../../driver/vm/values.js';
import type { EfunDecl } from '../../driver/efuns/registry.js';

/** A plain object reference; `destructed` can be flipped by tests. */
export class FakeObject implements LObjectRef {
  readonly isLObject = true as const;
  destructed = false;
  constructor(readonly name: string, readonly funcs: Record<string, (...args: Value[]) => Value> = {}) {}
}

/** A function pointer backed by a JS closure; `describe()` returns `text`. */
export class FakeFunction extends LFunction {
  owner: LObjectRef | 0;
  constructor(
    readonly body: (...args: Value[]) => Value,
    readonly text = '(: fake :)',
    owner: LObjectRef | 0 = 0,
  ) {
    super();
    this.owner = owner;
  }
  describe(): string {
    return this.text;
  }
}

export interface FakeRuntime extends Runtime {
  /** Everything written through `write()` (printf, write, ...), in order. */
  readonly written: string[];
  /** Total eval cost charged so far. */
  charged: number;
  /** Objects by name for callOther with a string target. */
  readonly objects: Map<string, FakeObject>;
}

/** Creates a fresh fake runtime; `limits` overrides individual defaults. */
export function createFakeRuntime(limits: Partial<Limits> = {}): FakeRuntime {
  const objects = new Map<string, FakeObject>();
  const rt: FakeRuntime = {
    limits: { ...DEFAULT_LIMITS, ...limits },
    written: [],
    charged: 0,
    objects,
    error(message: string): never {
      throw new LpcError(message);
    },
    badArgument(efun: string, n: number): never {
      throw new LpcError(`Bad argument ${n} to ${efun}()\n`);
    },
    callFunction(fn: LFunction, args: Value[]): Value {
      if (fn instanceof FakeFunction) return fn.body(...args);
      throw new LpcError('FakeRuntime: unsupported function kind\n');
    },
    callOther(ob: LObjectRef | string, fun: string, args: Value[]): Value {
      const target = typeof ob === 'string' ? objects.get(ob.replace(/^\//, '').replace(/\.c$/, '')) : ob;
      if (!(target instanceof FakeObject) || target.destructed) return 0;
      const f = target.funcs[fun];
      return f ? f(...args) : 0;
    },
    thisObject(): LObjectRef | 0 {
      return 0;
    },
    objectName(ob: LObjectRef): string {
      return '/' + ob.name;
    },
    chargeEval(units: number): void {
      rt.charged += units;
    },
    write(text: string): void {
      rt.written.push(text);
    },
  };
  return rt;
}

/** A caller for an area's efuns: `efunCaller(efuns, rt)('implode')(arr, ",")`, found by name or alias. */
export function efunCaller(area: { decls: EfunDecl[] }, rt: Runtime): (name: string) => (...args: Value[]) => Value {
  return (name) => {
    const d = area.decls.find((x) => x.name === name || x.aliases?.includes(name));
    if (!d) throw new Error(`no efun ${name}`);
    return (...args: Value[]) => d.impl(rt, ...args);
  };
}

/** The message of the LPC error `f` throws; any other outcome fails the test. */
export function lpcError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LpcError) return e.message;
    throw e;
  }
  throw new Error('expected an LPC error');
}

/** A mapping built from [key, value] pairs in order. */
export function mapping(...pairs: [Value, Value][]): LMapping {
  const m = new LMapping();
  for (const [k, v] of pairs) m.set(k, v);
  return m;
}
