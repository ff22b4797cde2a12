// A reference to an lvalue for `ref` parameters (FluffOS): the caller passes
// `f(ref x)`, the callee declared `void f(int ref a)`. The callee copies the
// value in on entry and writes every assignment through to the caller's
// lvalue, so the caller sees the final value when the call returns.
import type { Value } from './values.js';

export class LRef {
  constructor(
    readonly get: () => Value,
    readonly set: (v: Value) => void,
  ) {}
}
