// Operator error texts and the container ceilings every operator module
// enforces (ops.ts, int-ops.ts, index-ops.ts). Texts are Neolith's
// (interpret.c, operator.c), without the leading "*" and the trailing newline
// (errors.ts).
import { throwLpc } from './errors.js';
import { type LMapping, type Value, typeName } from './values.js';

// Error messages (Neolith wording; one table so the texts are easy to audit).

export const OP_ERRORS = {
  divisionByZero: 'Division by zero.',
  divisionByFloatZero: 'Division by 0.0',
  modulusByZero: 'Modulus by zero.',
  argsToMul: 'Args to * are not compatible.',
  badUnaryMinus: 'Bad argument to unary minus',
  badCompl: 'Bad argument to ~',
  subBadLeft: 'Bad left type to -.',
  subBadRight: 'Bad right type to -.',
  subMismatch: 'Arguments to - do not have compatible types.',
  addEqNumberLeft: 'Left hand side of += is a number (or zero); right side is not a number.',
  subEqMismatch: 'Arguments to -= do not match in type.',
  increment: 'Increment (++) on non-numeric argument.',
  decrement: 'Decrement (--) on non-numeric argument',
  indexZero: 'Value being indexed is zero.',
  arrayIndexType: 'Array indexes must be integers.',
  arrayIndexNegative: 'Array index must be positive or zero.',
  arrayIndexBounds: 'Array index out of bounds.',
  stringIndexType: 'String indexes must be integers.',
  stringIndexBounds: 'String index out of bounds.',
  bufferIndexType: 'Buffer indexes must be integers.',
  bufferIndexBounds: 'Buffer index out of bounds.',
  rindexArrayType: 'Indexing an array with an illegal type.',
  rindexStringType: 'Indexing a string with an illegal type.',
  rindexBufferType: 'Indexing a buffer with an illegal type.',
  lvalueIndexType: 'Illegal type of index',
  lvalueStringBounds: 'Index out of bounds in string index lvalue.',
  charLvalueRhs: 'Illegal rhs to char lvalue',
  charLvalueNul: 'Strings cannot contain 0 bytes.',
  rangeStartType: 'Start of range [ .. ] interval must be a number.',
  rangeEndType: 'End of range [ .. ] interval must be a number.',
  rangeBadArg: 'Bad argument to [ .. ] range operator.',
  rangeLvalueType: 'Range lvalue on illegal type.',
  rangeLvalue2ndType: 'Illegal 2nd index type to range lvalue.',
  rangeLvalue2ndBounds: 'The 2nd index to range lvalue must be >= -1 and < sizeof(indexed value)',
  rangeLvalue1stType: 'Illegal 1st index type to range lvalue',
  rangeLvalue1stBounds: 'The 1st index to range lvalue must be >= 0 and <= sizeof(indexed value)',
  rangeRhsArray: 'Illegal rhs to array range lvalue.',
  rangeRhsString: 'Illegal rhs to string range lvalue.',
  rangeRhsBuffer: 'Illegal rhs to buffer range lvalue.',
  arrayAddTooLarge: 'result of array addition is greater than maximum array size.',
  arrayUnionTooLarge: 'result of array union could be greater than maximum array size.',
  arrayTooLarge: 'Illegal array size.',
  mappingTooLarge: 'Mapping too large.',
} as const;

// ---------------------------------------------------------------------------
// Container ceilings (COMPAT.md rule 3: exceeding MaxArraySize/MaxMappingSize is
// an error, never silent truncation). The runtime sets them from its config;
// until it does they are unlimited, so a missing call can only be lenient.

let maxArraySize = Infinity;
let maxMappingSize = Infinity;

/** Sets the MaxArraySize / MaxMappingSize ceilings the operators enforce. */
export function setContainerLimits(limits: { maxArraySize: number; maxMappingSize: number }): void {
  maxArraySize = limits.maxArraySize;
  maxMappingSize = limits.maxMappingSize;
}

/** An array result of `n` elements is over MaxArraySize: raise `message`. */
export function checkArraySize(n: number, message: string): void {
  if (n > maxArraySize) throwLpc(message);
}

/** A mapping past MaxMappingSize after an operation made it (m + m). */
export function checkMappingSize(m: LMapping): void {
  if (m.size > maxMappingSize) throwLpc(OP_ERRORS.mappingTooLarge);
}

/** Before storing `key` into `m`: a new key may not grow it past MaxMappingSize. */
export function checkMappingRoom(m: LMapping, key: Value): void {
  if (m.size >= maxMappingSize && !m.has(key)) throwLpc(OP_ERRORS.mappingTooLarge);
}

/** "Cannot index value of type 'object'." */
export function cannotIndex(v: Value): never {
  if (typeof v === 'number' && v === 0) throwLpc(OP_ERRORS.indexZero);
  throwLpc(`Cannot index value of type '${typeName(v)}'.`);
}
