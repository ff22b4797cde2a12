// The part of the VM runtime that efuns may use. The VM's Runtime class
// (driver/vm/runtime.ts) implements it; efun modules depend only on this
// interface so that they can be written and tested apart from the engine.
import type { LFunction, LObjectRef, Value } from './values.js';

/** Limits from the config file (COMPAT.md "Config file"); defaults are Neolith's. */
export interface Limits {
  maxEvaluationCost: number;
  maxCallDepth: number;
  maxArraySize: number;
  maxMappingSize: number;
  maxStringLength: number;
  maxBufferSize: number;
  maxReadFileSize: number;
  maxByteTransfer: number;
  maxInheritDepth: number;
  /**
   * How explode() treats leading delimiters (MudOS compile-time options, see
   * driver/efuns/strings.ts; config keys SaneExplodeString and
   * ReversibleExplodeString): 'sane' (default, MudOS v22) drops one leading
   * and one trailing delimiter, 'old' drops all leading and one trailing,
   * 'reversible' keeps all.
   */
  explodeMode?: 'old' | 'sane' | 'reversible';
  /**
   * MudOS's OLD_RANGE_BEHAVIOR (config key OldRangeBehavior, default off as in
   * MudOS v22): a negative plain bound of a string or buffer range counts from
   * the end instead of clamping (driver/vm/index-ops.ts setOldRangeBehavior).
   */
  oldRangeBehavior?: boolean;
  /**
   * MudOS's OLD_TYPE_BEHAVIOR (config key OldTypeBehavior, default off): a
   * typed function is not type-checked at compile time (no "Undefined
   * function", no assignment or efun argument type errors), #pragma
   * strict_types or not; __OLD_TYPE_BEHAVIOR__ is predefined.
   */
  oldTypeBehavior?: boolean;
}

export const DEFAULT_LIMITS: Limits = {
  maxEvaluationCost: 1_000_000,
  maxCallDepth: 50,
  maxArraySize: 15_000,
  maxMappingSize: 15_000,
  maxStringLength: 200_000,
  maxBufferSize: 400_000,
  maxReadFileSize: 200_000,
  maxByteTransfer: 10_000,
  maxInheritDepth: 30,
};

/** What an efun implementation receives as its first argument. */
export interface Runtime {
  readonly limits: Limits;

  /**
   * Raises an LPC runtime error with `message` exactly as the `error()` efun
   * would (the caught string is "*" + message); a traceback is attached.
   */
  error(message: string): never;

  /** Raises MudOS's "Bad argument N to NAME()" error (n is 1-based). */
  badArgument(efun: string, n: number): never;

  /** Evaluates a function pointer with arguments (sort_array comparators, map_array, ...). */
  callFunction(fn: LFunction, args: Value[]): Value;

  /** call_other(ob, fun, ...args); returns 0 when the function does not exist. */
  callOther(ob: LObjectRef | string, fun: string, args: Value[]): Value;

  /** The current object (this_object()). */
  thisObject(): LObjectRef | 0;

  /**
   * The name `%O` and `file_name()` print for an object: "/" + name, or the
   * master's object_name() result when it provides one.
   */
  objectName(ob: LObjectRef): string;

  /** Charges `units` of evaluation cost for work proportional to input size. */
  chargeEval(units: number): void;

  /**
   * Sends text to the current command giver (this_player()), as write() and
   * printf() do; a no-op when there is none. Optional so that runtimes without
   * users (tests, tools) need not provide it.
   */
  write?(text: string): void;
}
