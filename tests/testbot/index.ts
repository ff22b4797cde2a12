// The testbot library (issue 5 part 10): console and telnet bots with
// send / expect / expectEOF. Re-exports only.
export { Bot, ExpectError, type ExpectMatch, type ExpectOptions } from './bot.js';
export { ConsoleBot, type ConsoleBotOptions } from './console-bot.js';
export { TelnetBot, type TelnetBotOptions } from './telnet-bot.js';
export { TelnetDecoder, replyTo, type TelnetCommand, type NegotiationPolicy } from './telnet-decoder.js';
export { lapisCommand } from './lapis-command.js';
