// A client-side telnet decoder for testbots: splits the server's bytes into
// text and telnet commands (RFC 854/855), keeping state across chunk
// boundaries, and says how a plain client would answer each negotiation.
// Kept separate from driver/net/telnet.ts on purpose: the testbot must judge
// the server's bytes independently, not with the code under test.

export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const SE = 240;

/** A negotiation or command seen from the server, in arrival order. */
export type TelnetCommand =
  | { kind: 'will' | 'wont' | 'do' | 'dont'; option: number }
  | { kind: 'sb'; option: number; data: Uint8Array }
  | { kind: 'command'; code: number };

const VERBS: Record<number, 'will' | 'wont' | 'do' | 'dont'> = { [WILL]: 'will', [WONT]: 'wont', [DO]: 'do', [DONT]: 'dont' };

type State = 'data' | 'iac' | 'verb' | 'sb-option' | 'sb' | 'sb-iac';

/** Streaming decoder: feed() returns the plain bytes of a chunk; commands are handed to a callback. */
export class TelnetDecoder {
  private state: State = 'data';
  private verb = 0;
  private sbOption = 0;
  private sbData: number[] = [];

  constructor(private readonly onCommand: (c: TelnetCommand) => void) {}

  feed(chunk: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (const b of chunk) {
      switch (this.state) {
        case 'data':
          if (b === IAC) this.state = 'iac';
          else out.push(b);
          break;
        case 'iac':
          if (b === IAC) {
            out.push(IAC);
            this.state = 'data';
          } else if (VERBS[b]) {
            this.verb = b;
            this.state = 'verb';
          } else if (b === SB) {
            this.state = 'sb-option';
          } else {
            this.onCommand({ kind: 'command', code: b });
            this.state = 'data';
          }
          break;
        case 'verb':
          this.onCommand({ kind: VERBS[this.verb]!, option: b });
          this.state = 'data';
          break;
        case 'sb-option':
          this.sbOption = b;
          this.sbData = [];
          this.state = 'sb';
          break;
        case 'sb':
          if (b === IAC) this.state = 'sb-iac';
          else this.sbData.push(b);
          break;
        case 'sb-iac':
          if (b === SE) {
            this.onCommand({ kind: 'sb', option: this.sbOption, data: Uint8Array.from(this.sbData) });
            this.state = 'data';
          } else {
            // IAC IAC inside a subnegotiation is a data byte 255.
            this.sbData.push(b);
            this.state = 'sb';
          }
          break;
      }
    }
    return Uint8Array.from(out);
  }
}

/**
 * How the testbot answers: 'refuse' behaves like a minimal client (agrees to
 * the server echoing and suppressing go-ahead, refuses everything else, so
 * the server falls back to plain line mode); 'ignore' never answers.
 */
export type NegotiationPolicy = 'refuse' | 'ignore';

const ACCEPTED_WILL = new Set([1 /* ECHO */, 3 /* SGA */]);

/** The reply a client with `policy` sends to a server command, or undefined. */
export function replyTo(c: TelnetCommand, policy: NegotiationPolicy): Uint8Array | undefined {
  if (policy === 'ignore') return undefined;
  switch (c.kind) {
    case 'will':
      return Uint8Array.of(IAC, ACCEPTED_WILL.has(c.option) ? DO : DONT, c.option);
    case 'do':
      return Uint8Array.of(IAC, WONT, c.option);
    default:
      return undefined;
  }
}
