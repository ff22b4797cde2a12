// Telnet command bytes and the option table the protocol state machine
// (telnet.ts) negotiates from. Keeping every option's policy in one `as const`
// list means adding an option is one row here, not a new branch in the parser
// (STYLE.md "tables over branches").

/** Telnet command bytes (RFC 854), the byte that follows IAC. */
export const TELNET_COMMANDS = [
  ['EOR', 239],
  ['SE', 240],
  ['NOP', 241],
  ['DM', 242],
  ['BRK', 243],
  ['IP', 244],
  ['AO', 245],
  ['AYT', 246],
  ['EC', 247],
  ['EL', 248],
  ['GA', 249],
  ['SB', 250],
  ['WILL', 251],
  ['WONT', 252],
  ['DO', 253],
  ['DONT', 254],
  ['IAC', 255],
] as const;

export type TelnetCommandName = (typeof TELNET_COMMANDS)[number][0];

/** Command byte by name, e.g. `CMD.IAC === 255`. */
export const CMD = Object.fromEntries(TELNET_COMMANDS) as { readonly [K in TelnetCommandName]: number };

const COMMAND_NAMES: string[] = [];
for (const [name, code] of TELNET_COMMANDS) COMMAND_NAMES[code] = name;

/** The name of a command byte, or `undefined` for bytes that are not telnet commands. */
export function telnetCommandName(code: number): TelnetCommandName | undefined {
  return COMMAND_NAMES[code] as TelnetCommandName | undefined;
}

/**
 * Whether an option may be enabled when the peer asks for it unprompted.
 *  - `never`: always refuse (the default for options not in the table);
 *  - `always`: agree;
 *  - `when-enabled`: agree only if the session was created with that feature on
 *    (GMCP, MSSP, MCCP2 are off unless the driver enables them).
 * Options we asked for ourselves are accepted whatever this says (RFC 1143).
 */
export type OptionPolicy = 'never' | 'always' | 'when-enabled';

/**
 * One row per option the server knows about.
 *  - `local`: may the server perform the option (peer sends DO, we answer WILL)?
 *  - `remote`: may the client perform it (peer sends WILL, we answer DO)?
 *  - `feature`: the session option that switches a `when-enabled` row on.
 */
export const TELNET_OPTIONS = [
  { name: 'BINARY', code: 0, local: 'never', remote: 'never' },
  // We only offer ECHO ourselves (WILL ECHO hides password input); a client
  // that asks us to echo unprompted is refused, and a client offering to
  // echo our output back to us is refused too.
  { name: 'ECHO', code: 1, local: 'never', remote: 'never' },
  // DO SGA -> WILL SGA (COMPAT.md "Telnet behaviour"); WILL SGA -> DO SGA as Neolith does.
  { name: 'SGA', code: 3, local: 'always', remote: 'always' },
  { name: 'STATUS', code: 5, local: 'never', remote: 'never' },
  // Timing mark is a one-shot question, answered outside the option states.
  { name: 'TM', code: 6, local: 'always', remote: 'never' },
  { name: 'TTYPE', code: 24, local: 'never', remote: 'always' },
  { name: 'EOR', code: 25, local: 'never', remote: 'never' },
  { name: 'NAWS', code: 31, local: 'never', remote: 'always' },
  { name: 'TSPEED', code: 32, local: 'never', remote: 'never' },
  { name: 'LFLOW', code: 33, local: 'never', remote: 'never' },
  { name: 'LINEMODE', code: 34, local: 'never', remote: 'always' },
  { name: 'XDISPLOC', code: 35, local: 'never', remote: 'never' },
  { name: 'ENVIRON', code: 36, local: 'never', remote: 'never' },
  { name: 'NEW_ENVIRON', code: 39, local: 'never', remote: 'never' },
  { name: 'CHARSET', code: 42, local: 'never', remote: 'never' },
  { name: 'MSDP', code: 69, local: 'never', remote: 'never' },
  { name: 'MSSP', code: 70, local: 'when-enabled', remote: 'never', feature: 'mssp' },
  { name: 'COMPRESS2', code: 86, local: 'when-enabled', remote: 'never', feature: 'mccp2' },
  { name: 'MSP', code: 90, local: 'never', remote: 'never' },
  { name: 'MXP', code: 91, local: 'never', remote: 'never' },
  { name: 'GMCP', code: 201, local: 'when-enabled', remote: 'never', feature: 'gmcp' },
] as const satisfies readonly {
  name: string;
  code: number;
  local: OptionPolicy;
  remote: OptionPolicy;
  feature?: string;
}[];

export type TelnetOptionName = (typeof TELNET_OPTIONS)[number]['name'];
export type TelnetFeature = NonNullable<Extract<(typeof TELNET_OPTIONS)[number], { feature: string }>['feature']>;

/** Option code by name, e.g. `OPT.TTYPE === 24`. */
export const OPT = Object.fromEntries(TELNET_OPTIONS.map((o) => [o.name, o.code])) as {
  readonly [K in TelnetOptionName]: number;
};

type OptionRow = { name: string; code: number; local: OptionPolicy; remote: OptionPolicy; feature?: string };
const OPTION_ROWS: (OptionRow | undefined)[] = new Array(256);
for (const row of TELNET_OPTIONS) OPTION_ROWS[row.code] = row;

/** The table row for an option code, if the server knows the option. */
export function telnetOption(code: number): OptionRow | undefined {
  return OPTION_ROWS[code];
}

/** A readable name for logs and test messages: "TTYPE", or "option 200". */
export function telnetOptionName(code: number): string {
  return OPTION_ROWS[code]?.name ?? `option ${code}`;
}

/** Sub-negotiation qualifiers shared by TTYPE and friends (RFC 1091). */
export const TTYPE_IS = 0;
export const TTYPE_SEND = 1;

/** LINEMODE sub-negotiation bytes (RFC 1184) that the server uses. */
export const LM_MODE = 1;
export const LM_MODE_EDIT = 1;
export const LM_MODE_TRAPSIG = 2;
export const LM_MODE_ACK = 4;

/** MSSP variable and value markers. */
export const MSSP_VAR = 1;
export const MSSP_VAL = 2;

// ------------------------------------------------------------ RFC 1143 tables

/**
 * The option states of RFC 1143 ("the Q method"), one per side per option.
 * The _OPPOSITE variants remember that we changed our mind while a request was
 * still unanswered; that queue is what keeps two peers from looping.
 */
export const Q = { NO: 0, YES: 1, WANTNO: 2, WANTNO_OPPOSITE: 3, WANTYES: 4, WANTYES_OPPOSITE: 5 } as const;
export type QState = (typeof Q)[keyof typeof Q];

/**
 * A transition: the next state ('ask' = YES if the option's policy accepts it,
 * else refuse and stay NO), the reply to send ('yes' = WILL/DO, 'no' =
 * WONT/DONT), and whether the option just went on or off.
 */
export interface QTransition {
  readonly next: QState | 'ask';
  readonly reply?: 'yes' | 'no';
  readonly change?: 'on' | 'off';
}

/** Received WILL/DO (`yes`) or WONT/DONT (`no`), indexed by the current state (RFC 1143 section 7). */
export const Q_RECEIVE: { readonly yes: readonly QTransition[]; readonly no: readonly QTransition[] } = {
  yes: [
    /* NO */ { next: 'ask' },
    /* YES */ { next: Q.YES },
    /* WANTNO: our DONT/WONT answered with WILL/DO, a peer error; stay off. */ { next: Q.NO },
    /* WANTNO_OPPOSITE */ { next: Q.YES, change: 'on' },
    /* WANTYES */ { next: Q.YES, change: 'on' },
    /* WANTYES_OPPOSITE: agreed, but we no longer want it. */ { next: Q.WANTNO, reply: 'no' },
  ],
  no: [
    /* NO: never answer a refusal of something already off. */ { next: Q.NO },
    /* YES */ { next: Q.NO, reply: 'no', change: 'off' },
    /* WANTNO */ { next: Q.NO },
    /* WANTNO_OPPOSITE: off now, and we want it back. */ { next: Q.WANTYES, reply: 'yes' },
    /* WANTYES: refused. */ { next: Q.NO },
    /* WANTYES_OPPOSITE */ { next: Q.NO },
  ],
};

/** Our own wish to enable or disable an option, indexed by the current state. */
export const Q_REQUEST: { readonly enable: readonly QTransition[]; readonly disable: readonly QTransition[] } = {
  enable: [
    /* NO */ { next: Q.WANTYES, reply: 'yes' },
    /* YES */ { next: Q.YES },
    /* WANTNO: ask again once the pending refusal is answered. */ { next: Q.WANTNO_OPPOSITE },
    /* WANTNO_OPPOSITE */ { next: Q.WANTNO_OPPOSITE },
    /* WANTYES */ { next: Q.WANTYES },
    /* WANTYES_OPPOSITE: cancel the queued change of mind. */ { next: Q.WANTYES },
  ],
  disable: [
    /* NO */ { next: Q.NO },
    /* YES */ { next: Q.WANTNO, reply: 'no' },
    /* WANTNO */ { next: Q.WANTNO },
    /* WANTNO_OPPOSITE */ { next: Q.WANTNO },
    /* WANTYES: withdraw once the pending request is answered. */ { next: Q.WANTYES_OPPOSITE },
    /* WANTYES_OPPOSITE */ { next: Q.WANTYES_OPPOSITE },
  ],
};
