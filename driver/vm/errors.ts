// LPC runtime errors. Values, ops and efuns throw LpcError; the VM catches it
// at `catch()` and at the top of each backend turn, attaches the LPC traceback
// (built lazily from the codegen line table, DESIGN.md decision 4) and hands
// it to the master's error_handler.

/** An LPC runtime error. `message` is the LPC text without the leading "*". */
export class LpcError extends Error {
  /**
   * `uncatchable` marks eval-cost and recursion errors, which `catch()` must not
   * stop (Neolith, COMPAT.md rule 2). `thrown` holds the value of `throw(v)`.
   */
  constructor(
    message: string,
    readonly uncatchable = false,
    readonly thrown?: unknown,
  ) {
    super(message);
    this.name = 'LpcError';
  }
}

/** Throws an LPC runtime error with MudOS wording, e.g. throwLpc("Division by zero"). */
export function throwLpc(message: string): never {
  throw new LpcError(message);
}
