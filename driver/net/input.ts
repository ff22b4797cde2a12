// input_to() and get_char() (COMPAT.md "Telnet behaviour"): the next line
// (or character) a user types goes to a function instead of the command
// parser. Only the first pending request wins; a line starting with `!`
// bypasses it unless the request was made with the noesc flag; noecho asks
// the client to stop echoing until the answer arrives.
import type { LpcObject } from '../vm/object.js';
import type { LFunction, Value } from '../vm/values.js';

/** input_to / get_char flags (MudOS). */
export const I_NOECHO = 1;
export const I_NOESC = 2;

/** A pending input_to or get_char. */
export interface InputRequest {
  /** A function name in `ob`, or a function pointer. */
  fn: string | LFunction;
  /** The object that asked (this_object() at input_to time). */
  ob: LpcObject;
  flags: number;
  /** Extra arguments passed after the input text. */
  args: Value[];
  /** get_char: one character instead of a line. */
  singleChar: boolean;
}

/** What to do with an input line while a request may be pending. */
export type InputRoute =
  | { kind: 'request'; request: InputRequest; text: string }
  | { kind: 'command'; text: string };

/**
 * Decides where a line goes (MudOS process_user_command): to the pending
 * request, or — when there is none, or the line escapes it with `!` — to the
 * command parser, without the `!`.
 */
export function routeInput(pending: InputRequest | undefined, text: string): InputRoute {
  if (!pending) return { kind: 'command', text };
  if (!(pending.flags & I_NOESC) && !pending.singleChar && text.charCodeAt(0) === 33 /* ! */) {
    return { kind: 'command', text: text.slice(1) };
  }
  return { kind: 'request', request: pending, text };
}
