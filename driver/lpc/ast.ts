// The typed AST for the MudOS v22 / Neolith LPC dialect (COMPAT.md "Language").
// The parser produces it, the checker annotates it, codegen consumes it. It is a
// plain data structure (no methods) so that stages stay independent and trees
// can be snapshotted in tests.
//
// Every node carries `loc`: the file id (an index into the compilation's file
// table, which the preprocessor fills with the main file and every include) and
// the 1-based line in that file, so errors name the original `file line N` even
// inside includes and macro expansions.

/** Where a node came from: file id (index into CompileUnit.files) and 1-based line. */
export interface Loc {
  file: number;
  line: number;
}

// ---------------------------------------------------------------------------
// Types

/** Base type words. `status` is an alias of int; `array` alone means `mixed *`. */
export type BaseTypeName =
  | 'int' | 'float' | 'string' | 'buffer' | 'mapping' | 'object' | 'function'
  | 'mixed' | 'void' | 'status' | 'unknown';

/**
 * A declared LPC type. `arrayDepth` counts `*` (or `array`) levels: `int *` is
 * { base: 'int', arrayDepth: 1 }. A class type has base 'class' and className.
 */
export interface TypeRef {
  base: BaseTypeName | 'class';
  className?: string;
  arrayDepth: number;
}

/** Modifiers as they appear in source (`nosave` and `static` on variables are the same thing). */
export interface Modifiers {
  private?: boolean;
  static?: boolean;
  nosave?: boolean;
  public?: boolean;
  protected?: boolean;
  nomask?: boolean;
  varargs?: boolean;
}

// ---------------------------------------------------------------------------
// Top level

export interface Program {
  kind: 'Program';
  /** File table: index 0 is the main file; includes follow. Paths are mudlib-absolute ("/std/room.c"). */
  files: string[];
  /** Pragmas in effect at the end of the file (`strict_types`, `save_types`, ...). */
  pragmas: string[];
  decls: TopDecl[];
  /**
   * Where `#pragma` lines switched a pragma on or off, in source order (MudOS
   * applies a pragma from its line on: `#pragma no_strict_types` before a
   * function exempts it). Absent for trees built without the preprocessor.
   */
  pragmaEvents?: PragmaEvent[];
}

/** One `#pragma x` / `#pragma no_x` line: the pragma's state before and after it. */
export interface PragmaEvent {
  file: number;
  line: number;
  pragma: string;
  before: boolean;
  after: boolean;
}

export type TopDecl = InheritDecl | VarDecl | FunctionDecl | ClassDecl | ModifierBlock;

/** `inherit "path";` or `inherit NAME_MACRO;` (already a string after preprocessing). */
export interface InheritDecl {
  kind: 'Inherit';
  loc: Loc;
  path: string;
  /** Alias used by `Alias::f()`; defaults to the last path component without `.c`. */
  name: string;
  modifiers: Modifiers;
}

/** One global variable declaration statement: `int a, *b = ({});` gives two declarators. */
export interface VarDecl {
  kind: 'VarDecl';
  loc: Loc;
  modifiers: Modifiers;
  declarators: VarDeclarator[];
}

export interface VarDeclarator {
  loc: Loc;
  name: string;
  type: TypeRef;
  init?: Expr;
}

export interface Param {
  loc: Loc;
  /** Unnamed parameters are allowed in prototypes (COMPAT.md rule 4). */
  name?: string;
  type: TypeRef;
  /** `ref` parameter (pass by reference) where supported. */
  ref?: boolean;
  /** A trailing `...` (FluffOS-style varargs collecting the rest into an array). */
  rest?: boolean;
  /** Default value `int x: 5` (FluffOS) — optional for the parser to support. */
  defaultValue?: Expr;
}

export interface FunctionDecl {
  kind: 'Function';
  loc: Loc;
  modifiers: Modifiers;
  returnType: TypeRef;
  /** True when the return type was omitted (old-style `create() { ... }`). */
  implicitType?: boolean;
  name: string;
  params: Param[];
  /** Absent for a prototype `int f(int);`. */
  body?: Block;
  /** Line of the closing brace, for the line table and implicit return. */
  endLine?: number;
  /** Reserved for DESIGN.md decision 8: `async` functions. */
  async?: boolean;
}

export interface ClassDecl {
  kind: 'Class';
  loc: Loc;
  name: string;
  members: { loc: Loc; name: string; type: TypeRef }[];
}

/** `private:` / `nosave { ... }` style modifier scopes, flattened by the parser when possible. */
export interface ModifierBlock {
  kind: 'ModifierBlock';
  loc: Loc;
  modifiers: Modifiers;
  decls: TopDecl[];
}

// ---------------------------------------------------------------------------
// Statements

export type Stmt =
  | Block | ExprStmt | LocalVarDecl | IfStmt | WhileStmt | DoWhileStmt | ForStmt
  | ForeachStmt | SwitchStmt | ReturnStmt | BreakStmt | ContinueStmt | EmptyStmt
  | CatchBlockStmt;

export interface Block {
  kind: 'Block';
  loc: Loc;
  body: Stmt[];
}

export interface ExprStmt {
  kind: 'ExprStmt';
  loc: Loc;
  expr: Expr;
}

/** Local declarations may appear anywhere in a block (Neolith/C99). */
export interface LocalVarDecl {
  kind: 'LocalVarDecl';
  loc: Loc;
  declarators: VarDeclarator[];
}

export interface IfStmt {
  kind: 'If';
  loc: Loc;
  test: Expr;
  then: Stmt;
  else?: Stmt;
}

export interface WhileStmt {
  kind: 'While';
  loc: Loc;
  test: Expr;
  body: Stmt;
}

export interface DoWhileStmt {
  kind: 'DoWhile';
  loc: Loc;
  body: Stmt;
  test: Expr;
}

export interface ForStmt {
  kind: 'For';
  loc: Loc;
  /** `for (int i = 0; ...)` declares; `for (i = 0, j = 1; ...)` is an expression. */
  init?: LocalVarDecl | Expr;
  test?: Expr;
  update?: Expr;
  body: Stmt;
}

/**
 * `foreach (x in expr)`, `foreach (k, v in map)`, over arrays, mappings and
 * strings. Each loop variable is either declared here (`type` set) or an
 * existing lvalue (local/global name). `ref` loop variables write back.
 */
export interface ForeachStmt {
  kind: 'Foreach';
  loc: Loc;
  vars: { loc: Loc; name: string; type?: TypeRef; ref?: boolean }[];
  collection: Expr;
  body: Stmt;
}

export interface SwitchStmt {
  kind: 'Switch';
  loc: Loc;
  discriminant: Expr;
  /** Cases in source order; statements fall through as in C. */
  cases: SwitchCase[];
}

/**
 * `case 1:`, `case "a":`, `case 1..5:`, `case ..5:`, `case 5..:`, `default:`.
 * `test` absent means default. For ranges, `test` is the low bound (absent for
 * `..5`) and `high` the high bound (absent for `5..`).
 */
export interface SwitchCase {
  loc: Loc;
  isDefault: boolean;
  isRange?: boolean;
  test?: Expr;
  high?: Expr;
  body: Stmt[];
}

export interface ReturnStmt {
  kind: 'Return';
  loc: Loc;
  value?: Expr;
}

export interface BreakStmt {
  kind: 'Break';
  loc: Loc;
}

export interface ContinueStmt {
  kind: 'Continue';
  loc: Loc;
}

export interface EmptyStmt {
  kind: 'Empty';
  loc: Loc;
}

/** `catch { ... };` as a statement (COMPAT.md rule 4). The error string is discarded. */
export interface CatchBlockStmt {
  kind: 'CatchBlock';
  loc: Loc;
  body: Block;
}

// ---------------------------------------------------------------------------
// Expressions

export type Expr =
  | IntLit | FloatLit | StringLit | ArrayLit | MappingLit | Identifier
  | Assign | Binary | Logical | Unary | Update | Conditional | Comma
  | Call | CallOther | SuperCall | Index | Range | MemberAccess | Cast
  | FunctionPtr | AnonFunction | CatchExpr | SscanfExpr | ParseCommandExpr
  | NewExpr | ArgRef | CaptureExpr | RefExpr | TimeExpr;

/** Integer literal. `value` is a bigint only when it is outside the safe-integer range. */
export interface IntLit {
  kind: 'IntLit';
  loc: Loc;
  value: number | bigint;
}

export interface FloatLit {
  kind: 'FloatLit';
  loc: Loc;
  value: number;
}

/** Adjacent string literals are already concatenated by the parser. */
export interface StringLit {
  kind: 'StringLit';
  loc: Loc;
  value: string;
}

/** `({ a, b, c })`; `@@END` array blocks also become ArrayLit of StringLit. */
export interface ArrayLit {
  kind: 'ArrayLit';
  loc: Loc;
  elements: Expr[];
  /** Elements written `arr...` are expanded in place (Neolith expr_list), as in Call.spread. */
  spread?: boolean[];
}

/** `([ k : v, ... ])`. */
export interface MappingLit {
  kind: 'MappingLit';
  loc: Loc;
  entries: { key: Expr; value: Expr }[];
}

/** A bare name: local, parameter, global variable, or (in call position) a function. */
export interface Identifier {
  kind: 'Identifier';
  loc: Loc;
  name: string;
}

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=';

export interface Assign {
  kind: 'Assign';
  loc: Loc;
  op: AssignOp;
  /** Identifier, Index, Range (string/array range assignment), MemberAccess, or ArrayLit of lvalues (`({a, b}) = arr`). */
  target: Expr;
  value: Expr;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>'
  | '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface Binary {
  kind: 'Binary';
  loc: Loc;
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

/** `&&` and `||` return the deciding operand's value, as in MudOS. */
export interface Logical {
  kind: 'Logical';
  loc: Loc;
  op: '&&' | '||';
  left: Expr;
  right: Expr;
}

export interface Unary {
  kind: 'Unary';
  loc: Loc;
  op: '-' | '!' | '~' | '+';
  operand: Expr;
}

/** `++x`, `x--` on any lvalue (including `m[k]++`, `a[i]--`). */
export interface Update {
  kind: 'Update';
  loc: Loc;
  op: '++' | '--';
  prefix: boolean;
  target: Expr;
}

export interface Conditional {
  kind: 'Conditional';
  loc: Loc;
  test: Expr;
  then: Expr;
  else: Expr;
}

export interface Comma {
  kind: 'Comma';
  loc: Loc;
  exprs: Expr[];
}

/**
 * A call `f(args)`. `callee` is the bare name; `efun::f()` sets `scope: 'efun'`.
 * The checker resolves it to a local function, a simul_efun or an efun.
 * `spread` marks arguments written `arr...` (FluffOS-style expansion).
 */
export interface Call {
  kind: 'Call';
  loc: Loc;
  callee: string;
  scope?: 'efun';
  args: Expr[];
  spread?: boolean[];
  /** Filled by the checker: what the name resolved to. */
  resolved?: 'local' | 'simul_efun' | 'efun' | 'funcptr_var';
}

/** `ob->f(args)` and `ob->f` without parentheses is not LPC; `"path"->f()` works too. */
export interface CallOther {
  kind: 'CallOther';
  loc: Loc;
  target: Expr;
  /** The method name; a computed name `ob->(expr)(args)` is not in MudOS v22. */
  method: string;
  args: Expr[];
  /** Arguments written `arr...` (Neolith expr_list), as in Call.spread. */
  spread?: boolean[];
}

/** `::f(args)` (scope '') or `Name::f(args)` — calls an inherited definition. */
export interface SuperCall {
  kind: 'SuperCall';
  loc: Loc;
  scope: string;
  name: string;
  args: Expr[];
  /** Arguments written `arr...`, as in Call.spread. */
  spread?: boolean[];
}

/** `a[i]`; `a[<i]` sets fromEnd. */
export interface Index {
  kind: 'Index';
  loc: Loc;
  target: Expr;
  index: Expr;
  fromEnd?: boolean;
}

/** `a[lo..hi]`, `a[<lo..<hi]`, `a[lo..]`, `a[..hi]`. Absent bounds are open. */
export interface Range {
  kind: 'Range';
  loc: Loc;
  target: Expr;
  low?: Expr;
  lowFromEnd?: boolean;
  high?: Expr;
  highFromEnd?: boolean;
}

/** `obj->member` on a class value (resolved by the checker when the left side is a class). */
export interface MemberAccess {
  kind: 'MemberAccess';
  loc: Loc;
  target: Expr;
  member: string;
}

export interface Cast {
  kind: 'Cast';
  loc: Loc;
  type: TypeRef;
  expr: Expr;
}

/**
 * Function pointer literal `(: ... :)`:
 * - `(: f :)` / `(: f, a, b :)`: local function (or efun/simul_efun) with bound args → form 'name';
 * - `(: call_other, ob, "f" :)` is form 'name' with callee 'call_other';
 * - `(: $1 + x :)`: expression pointer → form 'expr' with `body`.
 */
export interface FunctionPtr {
  kind: 'FunctionPtr';
  loc: Loc;
  form: 'name' | 'expr';
  name?: string;
  /** `(: efun::f :)` */
  scope?: 'efun';
  args?: Expr[];
  body?: Expr;
}

/** `function(int x, string y) { ... }` anonymous function. Captures `$(expr)` and sees globals. */
export interface AnonFunction {
  kind: 'AnonFunction';
  loc: Loc;
  returnType: TypeRef;
  params: Param[];
  body: Block;
}

/** `catch(expr)` — the error string (or 0). */
export interface CatchExpr {
  kind: 'Catch';
  loc: Loc;
  expr: Expr;
  /**
   * `catch { ... }` used as an expression (`err = catch { ... };`, MudOS/Lima):
   * when set, the block is what runs and `expr` is only an IntLit 0 placeholder.
   */
  block?: Block;
}

/** `sscanf(str, fmt, lv1, lv2, ...)`: lvalues are written; the value is the match count. */
export interface SscanfExpr {
  kind: 'Sscanf';
  loc: Loc;
  input: Expr;
  format: Expr;
  targets: Expr[];
}

/** `parse_command(str, env, pattern, lv...)`. */
export interface ParseCommandExpr {
  kind: 'ParseCommand';
  loc: Loc;
  input: Expr;
  source: Expr;
  pattern: Expr;
  targets: Expr[];
}

/**
 * `new(class C)`, `new(class C, a: 1, b: 2)`, and `new("/path", args...)`
 * (the latter is clone_object; form 'object').
 */
export interface NewExpr {
  kind: 'New';
  loc: Loc;
  form: 'class' | 'object';
  className?: string;
  fields?: { name: string; value: Expr }[];
  args?: Expr[];
  /** Arguments written `arr...` (object form), as in Call.spread. */
  spread?: boolean[];
}

/** `$1`, `$2` inside an expression function pointer. */
export interface ArgRef {
  kind: 'ArgRef';
  loc: Loc;
  index: number;
}

/** `$(expr)`: evaluated when the pointer is created, then captured. */
export interface CaptureExpr {
  kind: 'Capture';
  loc: Loc;
  expr: Expr;
}

/** `ref x` / `&x` in an argument list (pass by reference, FluffOS). */
export interface RefExpr {
  kind: 'Ref';
  loc: Loc;
  target: Expr;
}

/** `time_expression(expr)` (MudOS): microseconds spent evaluating expr. */
export interface TimeExpr {
  kind: 'TimeExpr';
  loc: Loc;
  expr: Expr;
  /** `time_expression { ... }`: when set, the block is timed and `expr` is an IntLit 0 placeholder. */
  block?: Block;
}
