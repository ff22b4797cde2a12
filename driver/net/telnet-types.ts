// The interface of a telnet session (telnet.ts): port kinds, the options a
// session is created with, and the events receive() produces.

/** Port kinds from the config file (`Port 4000:telnet`). */
export type PortKind = 'telnet' | 'ascii' | 'binary';

/** What happens to an input line longer than `maxLineBytes`. */
export type OverlongPolicy =
  /** Keep the first `maxLineBytes` bytes (cut at a character boundary), drop the rest. */
  | 'truncate'
  /** Deliver the line in pieces of at most `maxLineBytes` bytes. */
  | 'split'
  /** Report it and stop reading: the driver should close this connection. */
  | 'disconnect';

/** What happens when an input flood limit is exceeded. */
export type FloodPolicy =
  /** Report once and stop reading: the driver should close this connection. */
  | 'disconnect'
  /** Report (once per interval / per crossing) and keep going. */
  | 'report';

/** MSSP variables: name -> value, or several values for one name. */
export type MsspVariables = Readonly<Record<string, string | number | readonly (string | number)[]>>;

export interface TelnetSessionOptions {
  /** Port kind; default `telnet`. `ascii` does no IAC processing; `binary` passes bytes through. */
  kind?: PortKind;
  /** Input line cap in bytes (Neolith: 2048). */
  maxLineBytes?: number;
  overlongPolicy?: OverlongPolicy;
  /** Cap on one sub-negotiation's payload (GMCP messages can be long). */
  maxSubnegotiationBytes?: number;
  /** Input bytes allowed per `floodIntervalMs`; 0 disables the check. */
  floodBytes?: number;
  floodIntervalMs?: number;
  /** Lines delivered but not yet taken by the driver (see lineConsumed()); 0 disables. */
  maxQueuedLines?: number;
  floodPolicy?: FloodPolicy;
  /** Offer GMCP (option 201). */
  gmcp?: boolean;
  /** Offer MCCP2 (option 86). */
  mccp2?: boolean;
  /** Offer MSSP (option 70) and answer with these variables (a function is asked each time). */
  mssp?: MsspVariables | (() => MsspVariables);
  /** Text sent in answer to IAC AYT; `\n` becomes CR LF. */
  aytReply?: string;
  /**
   * Output-stream hook for MCCP2: called with `true` right after the bytes that
   * announce compression were queued (everything sent after them must be
   * compressed) and with `false` when compression must end. The same moments
   * are also reported as `compress-start` / `compress-stop` events.
   */
  onCompress?: (on: boolean) => void;
}

/** Events produced by receive(), in protocol order. */
export type TelnetEvent =
  /** A complete input line (without its line ending), UTF-8 decoded. */
  | { type: 'line'; text: string }
  /** One character in single-char mode; every line ending arrives as "\n". */
  | { type: 'char'; text: string }
  /** Raw input on a binary port. */
  | { type: 'data'; bytes: Uint8Array }
  /** Bytes that must be written to the peer now, before anything queued later. */
  | { type: 'send'; bytes: Uint8Array }
  /** TTYPE IS name: call set_terminal_type(name). */
  | { type: 'ttype'; name: string }
  /** NAWS: call set_window_size(width, height). */
  | { type: 'naws'; width: number; height: number }
  /** Any other sub-negotiation: call telnet_suboption(bytes); bytes[0] is the option. */
  | { type: 'suboption'; option: number; bytes: Uint8Array }
  /** A GMCP message: "Package.Name" and its JSON text ("" when absent). */
  | { type: 'gmcp'; package: string; json: string }
  /** The client accepted MSSP; the variables (if any were configured) were sent. */
  | { type: 'mssp-request' }
  /** Compress everything sent after this point (MCCP2). */
  | { type: 'compress-start' }
  /** Finish the compressed stream; send plain bytes after this point. */
  | { type: 'compress-stop' }
  /** The peer asked "are you there?"; the reply was queued. */
  | { type: 'ayt' }
  /** Interrupt process, break or abort output from the peer. */
  | { type: 'command'; command: 'IP' | 'BRK' | 'AO' }
  /** A negotiation command received from the peer, reported before it is acted on. */
  | { type: 'will' | 'wont' | 'do' | 'dont'; option: number }
  /** The peer switched an option on or off (local: we perform it; remote: the peer does). */
  | { type: 'option'; option: number; side: 'local' | 'remote'; enabled: boolean }
  /** An input line or sub-negotiation exceeded its cap; `length` is its full size in bytes. */
  | { type: 'overlong'; what: 'line' | 'subnegotiation'; length: number; limit: number; disconnect: boolean }
  /** Input flood: too many bytes per interval, or too many lines waiting. */
  | { type: 'flood'; reason: 'bytes' | 'lines'; observed: number; limit: number; disconnect: boolean }
  /** A malformed sequence that was skipped (never fatal). */
  | { type: 'protocol-error'; message: string };
