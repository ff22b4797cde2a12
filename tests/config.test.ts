import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_KEYS,
  COMMAND_LINE_FLAGS,
  closest,
  commandLineUsage,
  dirnamePosix,
  joinPosix,
  normalizePosix,
  parseCommandLine,
  parseConfigText,
  type LapisConfig,
} from '../driver/config.js';

const REQUIRED = 'MudlibDir lib\nMasterFile /master.c\n';

function parse(text: string, file = '/srv/mud/lapis.conf') {
  return parseConfigText(text, file);
}

function messages(text: string, file = 'lapis.conf') {
  return parseConfigText(text, file).diagnostics.map((d) => `${d.severity}: ${d.message}`);
}

describe('config file: every key', () => {
  // key, value as written, where it lands, expected value (spelled out, not derived).
  const cases: [string, string, (c: LapisConfig) => unknown, unknown][] = [
    ['MudName', 'Eastern Stories II', (c) => c.mudName, 'Eastern Stories II'],
    ['Port', '5000:telnet', (c) => c.ports, [{ port: 5000, kind: 'telnet' }]],
    ['MudlibDir', 'mudlib', (c) => c.mudlibDir, '/srv/mud/mudlib'],
    ['MasterFile', '/adm/obj/master.c', (c) => c.masterFile, '/adm/obj/master.c'],
    ['SimulEfunFile', 'adm/obj/simul_efun.c', (c) => c.simulEfunFile, '/adm/obj/simul_efun.c'],
    ['GlobalInclude', '<globals.h>', (c) => c.globalInclude, '<globals.h>'],
    ['IncludeDir', '/include:/sys', (c) => c.includeDirs, ['/include', '/sys']],
    ['SaveBinaryDir', '/bin', (c) => c.saveBinaryDir, '/bin'],
    ['LogDir', 'log', (c) => c.logDir, '/srv/mud/log'],
    ['DebugLogFile', 'debug.log', (c) => c.debugLogFile, undefined],
    ['LogWithDate', 'yes', (c) => c.logWithDate, true],
    ['DefaultFailMsg', 'Huh?', (c) => c.defaultFailMsg, 'Huh?'],
    ['DefaultErrorMsg', 'You found something wrong with the world!', (c) => c.defaultErrorMsg, 'You found something wrong with the world!'],
    ['CleanupDuration', '900', (c) => c.cleanupDuration, 900],
    ['ResetDuration', '3600', (c) => c.resetDuration, 3600],
    ['HeartbeatInterval', '1000', (c) => c.heartbeatInterval, 1000],
    ['MaxInheritDepth', '12', (c) => c.limits.maxInheritDepth, 12],
    ['MaxEvaluationCost', '5000000', (c) => c.limits.maxEvaluationCost, 5000000],
    ['MaxCallDepth', '100', (c) => c.limits.maxCallDepth, 100],
    ['MaxArraySize', '30000', (c) => c.limits.maxArraySize, 30000],
    ['MaxMappingSize', '40000', (c) => c.limits.maxMappingSize, 40000],
    ['MaxBufferSize', '1000000', (c) => c.limits.maxBufferSize, 1000000],
    ['MaxStringLength', '500000', (c) => c.limits.maxStringLength, 500000],
    ['MaxReadFileSize', '300000', (c) => c.limits.maxReadFileSize, 300000],
    ['MaxByteTransfer', '20000', (c) => c.limits.maxByteTransfer, 20000],
    ['MaxBitFieldBits', '2400', (c) => c.maxBitFieldBits, 2400],
    ['MaxLocalVariables', '64', (c) => c.maxLocalVariables, 64],
    ['StackSize', '2000', (c) => c.stackSize, 2000],
    ['ArgumentsInTrace', 'Yes', (c) => c.argumentsInTrace, true],
    ['LocalVariablesInTrace', 'Yes', (c) => c.localVariablesInTrace, true],
    ['SharedStringHashSize', '40009', (c) => c.sharedStringHashSize, 40009],
    ['ObjectHashSize', '20011', (c) => c.objectHashSize, 20011],
    ['ReservedMemorySize', '0', (c) => c.reservedMemorySize, 0],
    ['CrashDropCore', 'No', (c) => c.crashDropCore, false],
    ['AddrServerIP', '127.0.0.1', (c) => c.addrServerIp, '127.0.0.1'],
    ['AddrServerPort', '9999', (c) => c.addrServerPort, 9999],
    ['ResolverForwardCacheTtl', '60', (c) => c.resolverForwardCacheTtl, 60],
    ['ResolverReverseCacheTtl', '120', (c) => c.resolverReverseCacheTtl, 120],
    ['ResolverNegativeCacheTtl', '0', (c) => c.resolverNegativeCacheTtl, 0],
    ['ResolverStaleRefreshWindow', '15', (c) => c.resolverStaleRefreshWindow, 15],
    ['ResolverForwardQuota', '20', (c) => c.resolverForwardQuota, 20],
    ['ResolverReverseQuota', '8', (c) => c.resolverReverseQuota, 8],
    ['ResolverRefreshQuota', '3', (c) => c.resolverRefreshQuota, 3],
    ['MaxInputLineLength', '4096', (c) => c.maxInputLineLength, 4096],
    ['MaxInputBytesPerSecond', '0', (c) => c.maxInputBytesPerSecond, 0],
    ['MaxQueuedCommands', '50', (c) => c.maxQueuedCommands, 50],
    ['EnableGmcp', 'yes', (c) => c.enableGmcp, true],
    ['EnableMccp', 'on', (c) => c.enableMccp, true],
    ['EnableMssp', 'true', (c) => c.enableMssp, true],
    ['SaneExplodeString', 'no', (c) => [c.saneExplodeString, c.limits.explodeMode], [false, 'old']],
    ['ReversibleExplodeString', 'yes', (c) => [c.reversibleExplodeString, c.limits.explodeMode], [true, 'reversible']],
    ['OldRangeBehavior', 'yes', (c) => [c.oldRangeBehavior, c.limits.oldRangeBehavior], [true, true]],
    ['OldTypeBehavior', 'yes', (c) => [c.oldTypeBehavior, c.limits.oldTypeBehavior], [true, true]],
  ];

  it('has a case for every key in the table', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual(CONFIG_KEYS.map((k) => k.key).sort());
  });

  for (const [key, value, get, expected] of cases) {
    it(`reads ${key}`, () => {
      const { config, diagnostics } = parseConfigText(`${key} ${value}\n`, '/srv/mud/lapis.conf', { requireMudlib: false });
      // DebugLogFile alone draws a warning (no LogDir), tested below.
      expect(diagnostics.filter((d) => d.key !== 'DebugLogFile')).toEqual([]);
      expect(get(config)).toEqual(expected);
    });
  }

  it('places DebugLogFile inside LogDir', () => {
    const { config, diagnostics } = parse(`${REQUIRED}LogDir /var/log/mud\nDebugLogFile debug.log\n`);
    expect(diagnostics).toEqual([]);
    expect(config.debugLogFile).toBe('/var/log/mud/debug.log');
  });

  it('warns that DebugLogFile without LogDir is ignored', () => {
    expect(messages(`${REQUIRED}DebugLogFile debug.log\n`)).toEqual([
      'warning: lapis.conf line 3: DebugLogFile: ignored because LogDir is not set; debug output goes to stderr',
    ]);
  });
});

describe('config file: defaults', () => {
  it('fills every default when only the required keys are given', () => {
    const { config, diagnostics } = parse(REQUIRED);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      configFile: '/srv/mud/lapis.conf',
      configDir: '/srv/mud',
      mudName: 'Lapis',
      mudlibDir: '/srv/mud/lib',
      masterFile: '/master.c',
      simulEfunFile: undefined,
      globalInclude: undefined,
      includeDirs: [],
      saveBinaryDir: undefined,
      logDir: undefined,
      debugLogFile: undefined,
      logWithDate: false,
      defaultFailMsg: 'What?',
      defaultErrorMsg: undefined,
      ports: [],
      addrServerIp: undefined,
      addrServerPort: 0,
      cleanupDuration: 600,
      resetDuration: 1800,
      heartbeatInterval: 2000,
      limits: {
        maxEvaluationCost: 1000000,
        maxCallDepth: 50,
        maxArraySize: 15000,
        maxMappingSize: 15000,
        maxStringLength: 200000,
        maxBufferSize: 400000,
        maxReadFileSize: 200000,
        maxByteTransfer: 10000,
        maxInheritDepth: 30,
        explodeMode: 'sane',
        oldRangeBehavior: false,
        oldTypeBehavior: false,
      },
      maxBitFieldBits: 1200,
      maxLocalVariables: 25,
      stackSize: 1000,
      sharedStringHashSize: 20011,
      objectHashSize: 10007,
      reservedMemorySize: 0,
      crashDropCore: true,
      argumentsInTrace: false,
      localVariablesInTrace: false,
      resolverForwardCacheTtl: 300,
      resolverReverseCacheTtl: 900,
      resolverNegativeCacheTtl: 30,
      resolverStaleRefreshWindow: 30,
      resolverForwardQuota: 10,
      resolverReverseQuota: 4,
      resolverRefreshQuota: 2,
      maxInputLineLength: 2048,
      maxInputBytesPerSecond: 262144,
      maxQueuedCommands: 1000,
      enableGmcp: false,
      enableMccp: false,
      enableMssp: false,
      saneExplodeString: true,
      reversibleExplodeString: false,
      oldRangeBehavior: false,
      oldTypeBehavior: false,
    });
  });

  it('lets ReversibleExplodeString override SaneExplodeString (MudOS options.h)', () => {
    const on = parse(`${REQUIRED}SaneExplodeString yes\nReversibleExplodeString yes\nOldRangeBehavior on\n`).config;
    expect(on.limits.explodeMode).toBe('reversible');
    expect(on.limits.oldRangeBehavior).toBe(true);
    const off = parse(`${REQUIRED}SaneExplodeString no\nReversibleExplodeString no\n`).config;
    expect(off.limits.explodeMode).toBe('old');
    expect(messages(`${REQUIRED}OldRangeBehavior maybe\n`)).toEqual([
      'error: lapis.conf line 3: OldRangeBehavior: expected yes or no, got "maybe"',
    ]);
  });

  it('does not share mutable defaults between results', () => {
    const a = parse(REQUIRED).config;
    a.includeDirs.push('/x');
    a.limits.maxArraySize = 1;
    const b = parse(REQUIRED).config;
    expect(b.includeDirs).toEqual([]);
    expect(b.limits.maxArraySize).toBe(15000);
  });

  it('requires MudlibDir and MasterFile, as Neolith does', () => {
    expect(messages('MudName x\n')).toEqual([
      'error: lapis.conf: MudlibDir: is missing (required)',
      'error: lapis.conf: MasterFile: is missing (required)',
    ]);
  });

  it('can leave them optional (app mode), using the config directory as mudlib', () => {
    const { config, diagnostics } = parseConfigText('', '/a/b/app.conf', { requireMudlib: false });
    expect(diagnostics).toEqual([]);
    expect(config.mudlibDir).toBe('/a/b');
  });
});

describe('config file: syntax', () => {
  it('treats keys case-insensitively', () => {
    const { config, diagnostics } = parse(`${REQUIRED}mudname lower\nMAXARRAYSIZE 7\nmAxCaLlDePtH 9\n`);
    expect(diagnostics).toEqual([]);
    expect(config.mudName).toBe('lower');
    expect(config.limits.maxArraySize).toBe(7);
    expect(config.limits.maxCallDepth).toBe(9);
  });

  it('skips comments and blank lines, accepts tabs, CRLF and a BOM, keeps inner spaces and a later #', () => {
    const text = '\uFEFF# a comment\r\n\r\n   # indented comment\r\n\tMudName\t\tThe  Two  Towers  \r\nDefaultFailMsg What? #1\r\n' + REQUIRED;
    const { config, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(config.mudName).toBe('The  Two  Towers');
    expect(config.defaultFailMsg).toBe('What? #1');
  });

  it('accepts the boolean spellings Neolith does', () => {
    for (const [word, value] of [['Yes', true], ['NO', false], ['true', true], ['False', false], ['on', true], ['off', false], ['1', true], ['0', false]] as const) {
      expect(parse(`${REQUIRED}LogWithDate ${word}\n`).config.logWithDate, word).toBe(value);
    }
  });

  it('warns about a key given twice and keeps the first (Neolith reads the first)', () => {
    const { config, diagnostics } = parseConfigText(`${REQUIRED}MudName One\nmudname Two\n`, 'lapis.conf');
    expect(config.mudName).toBe('One');
    expect(diagnostics.map((d) => d.message)).toEqual(['lapis.conf line 4: MudName: given again (first on line 3); this line is ignored']);
  });
});

describe('config file: paths', () => {
  it('takes MudlibDir relative to the config file directory', () => {
    expect(parseConfigText('MudlibDir ../lib\nMasterFile /m.c\n', '/srv/mud/etc/lapis.conf').config.mudlibDir).toBe('/srv/mud/lib');
    expect(parseConfigText('MudlibDir ./m3_mudlib/\nMasterFile /m.c\n', '/x/m3.conf').config.mudlibDir).toBe('/x/m3_mudlib');
  });

  it('keeps an absolute MudlibDir', () => {
    expect(parseConfigText('MudlibDir /home/es2/mudlib\nMasterFile /m.c\n', '/etc/neolith.conf').config.mudlibDir).toBe('/home/es2/mudlib');
  });

  it('resolves a relative config file name against cwd', () => {
    const { config } = parseConfigText('MudlibDir lib\nMasterFile /m.c\n', 'conf/lapis.conf', { cwd: '/home/me/mud' });
    expect(config.configDir).toBe('/home/me/mud/conf');
    expect(config.mudlibDir).toBe('/home/me/mud/conf/lib');
  });

  it('keeps a relative result when neither is absolute', () => {
    const { config } = parseConfigText('MudlibDir m3_mudlib\nMasterFile /m.c\n', 'lapis.conf');
    expect(config.configDir).toBe('.');
    expect(config.mudlibDir).toBe('m3_mudlib');
  });

  it('normalises mudlib paths to start with "/" and rejects climbing out', () => {
    const { config } = parse('MudlibDir lib\nMasterFile adm/./obj/../master.c\nIncludeDir /:include::/sys/\n');
    expect(config.masterFile).toBe('/adm/master.c');
    expect(config.includeDirs).toEqual(['/', '/include', '/sys']);
    expect(messages(`${REQUIRED}SimulEfunFile ../../etc/passwd\n`)).toEqual([
      'error: lapis.conf line 3: SimulEfunFile: "../../etc/passwd" climbs out of the mudlib',
    ]);
  });

  it('has small posix path helpers', () => {
    expect(normalizePosix('a/./b/../../../c')).toBe('../c');
    expect(normalizePosix('/../a')).toBe('/a');
    expect(normalizePosix('')).toBe('.');
    expect(joinPosix('/a/b', 'c/../d')).toBe('/a/b/d');
    expect(joinPosix('/a/b', '/abs')).toBe('/abs');
    expect(dirnamePosix('/a/b/c.conf')).toBe('/a/b');
    expect(dirnamePosix('/c.conf')).toBe('/');
    expect(dirnamePosix('c.conf')).toBe('.');
  });
});

describe('config file: ports', () => {
  it('reads up to five ports with kinds, telnet by default, kinds case-insensitive', () => {
    const text = `${REQUIRED}Port 4000\nPort 4001:telnet\nPort 4002:ascii\nPort 4003:BINARY\nport 4004:Telnet\n`;
    const { config, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(config.ports).toEqual([
      { port: 4000, kind: 'telnet' },
      { port: 4001, kind: 'telnet' },
      { port: 4002, kind: 'ascii' },
      { port: 4003, kind: 'binary' },
      { port: 4004, kind: 'telnet' },
    ]);
  });

  it('rejects a sixth port', () => {
    const text = `${REQUIRED}${[1, 2, 3, 4, 5, 6].map((n) => `Port 400${n}\n`).join('')}`;
    const { config, diagnostics } = parseConfigText(text, 'lapis.conf');
    expect(config.ports).toHaveLength(5);
    expect(diagnostics.map((d) => d.message)).toEqual(['lapis.conf line 8: Port: at most 5 ports may be given']);
  });

  it('rejects bad port numbers, unknown kinds (with a hint) and duplicates', () => {
    expect(messages(`${REQUIRED}Port 0\nPort 70000\nPort http\nPort 4000:telent\nPort 4000:web\nPort 23\nPort 23:ascii\n`)).toEqual([
      'error: lapis.conf line 3: Port: port must be between 1 and 65535, got 0',
      'error: lapis.conf line 4: Port: port must be between 1 and 65535, got 70000',
      'error: lapis.conf line 5: Port: expected N or N:telnet|ascii|binary, got "http"',
      'error: lapis.conf line 6: Port: unknown port kind "telent" (did you mean "telnet"?); expected telnet, ascii or binary',
      'error: lapis.conf line 7: Port: unknown port kind "web"; expected telnet, ascii or binary',
      'error: lapis.conf line 9: Port: port 23 is given twice',
    ]);
  });
});

describe('config file: diagnostics', () => {
  it('names the file and line of a bad value', () => {
    const text = `${REQUIRED}${'# filler\n'.repeat(9)}MaxArraySize abc\n`;
    expect(messages(text)).toEqual(['error: lapis.conf line 12: MaxArraySize: expected a positive integer, got "abc"']);
  });

  it('rejects zero, negative, fractional and oversized integers', () => {
    expect(messages(`${REQUIRED}MaxCallDepth 0\nMaxArraySize -5\nMaxMappingSize 1.5\nMaxStringLength 99999999999999999999\nAddrServerPort -1\n`)).toEqual([
      'error: lapis.conf line 3: MaxCallDepth: expected a positive integer, got "0"',
      'error: lapis.conf line 4: MaxArraySize: expected a positive integer, got "-5"',
      'error: lapis.conf line 5: MaxMappingSize: expected a positive integer, got "1.5"',
      'error: lapis.conf line 6: MaxStringLength: expected a positive integer, got "99999999999999999999"',
      'error: lapis.conf line 7: AddrServerPort: expected a non-negative integer, got "-1"',
    ]);
  });

  it('keeps the default when a value is bad', () => {
    expect(parse(`${REQUIRED}MaxArraySize lots\n`).config.limits.maxArraySize).toBe(15000);
  });

  it('rejects a bad boolean and a missing value', () => {
    expect(messages(`${REQUIRED}LogWithDate maybe\nMudName\n`)).toEqual([
      'error: lapis.conf line 3: LogWithDate: expected yes or no, got "maybe"',
      'error: lapis.conf line 4: MudName: expected a value',
    ]);
  });

  it('warns about unknown keys with a did-you-mean hint', () => {
    expect(messages(`${REQUIRED}MudNmae Foo\nMaxArraySise 5\nMasterFile: /x.c\nFrobnicate 1\n`)).toEqual([
      'warning: lapis.conf line 3: unknown key "MudNmae" (did you mean "MudName"?); line ignored',
      'warning: lapis.conf line 4: unknown key "MaxArraySise" (did you mean "MaxArraySize"?); line ignored',
      'warning: lapis.conf line 5: unknown key "MasterFile:" (did you mean "MasterFile"?); line ignored',
      'warning: lapis.conf line 6: unknown key "Frobnicate"; line ignored',
    ]);
  });

  it('gives structured fields as well as the text', () => {
    const [d] = parseConfigText(`${REQUIRED}MaxArraySize x\n`, 'm.conf').diagnostics;
    expect(d).toEqual({
      severity: 'error',
      file: 'm.conf',
      line: 3,
      key: 'MaxArraySize',
      message: 'm.conf line 3: MaxArraySize: expected a positive integer, got "x"',
    });
  });

  it('finds near misses only', () => {
    expect(closest('telent', ['telnet', 'ascii'])).toBe('telnet');
    expect(closest('xyz', ['telnet', 'ascii'])).toBeUndefined();
  });
});

describe('config file: a full Neolith-style file', () => {
  it('parses without diagnostics', () => {
    const text = [
      '# Name of the MUD',
      'MudName\t\tEastern Stories II',
      'Port\t\t5000:telnet',
      'Port\t\t5001:binary',
      'MudlibDir\t/home/es2/mudlib',
      'LogDir\t\t/home/es2/mudlib/log',
      'DebugLogFile\tdebug.log',
      'LogWithDate\t\tyes',
      'CrashDropCore\t\tNo',
      'IncludeDir\t/include',
      'GlobalInclude\t<globals.h>',
      'SaveBinaryDir\t/bin',
      'MasterFile\t/adm/obj/master.c',
      'SimulEfunFile\t/adm/obj/simul_efun.c',
      'DefaultErrorMsg\t\tYou found something with the world!',
      'DefaultFailMsg\t\tWhat?',
      'CleanupDuration\t\t600',
      'ResetDuration\t\t1800',
      'MaxInheritDepth\t\t30',
      'MaxEvaluationCost\t1000000',
      'MaxArraySize\t\t15000',
      'MaxMappingSize\t\t15000',
      'MaxBufferSize\t\t400000',
      'MaxStringLength\t\t200000',
      'MaxBitFieldBits\t\t1200',
      'MaxByteTransfer\t\t10000',
      'MaxReadFileSize\t\t200000',
      'SharedStringHashSize\t20011',
      'ObjectHashSize\t\t10007',
      'StackSize\t1000',
      'MaxLocalVariables\t25',
      'MaxCallDepth\t50',
      'ArgumentsInTrace\tYes',
      'LocalVariablesInTrace\tYes',
    ].join('\n');
    const { config, diagnostics } = parseConfigText(text, '/etc/neolith.conf');
    expect(diagnostics).toEqual([]);
    expect(config.mudName).toBe('Eastern Stories II');
    expect(config.ports).toEqual([
      { port: 5000, kind: 'telnet' },
      { port: 5001, kind: 'binary' },
    ]);
    expect(config.debugLogFile).toBe('/home/es2/mudlib/log/debug.log');
    expect(config.crashDropCore).toBe(false);
    expect(config.argumentsInTrace).toBe(true);
  });
});

describe('docs/config.md', () => {
  const doc = readFileSync(new URL('../docs/config.md', import.meta.url), 'utf8');

  it('lists every config key', () => {
    const missing = CONFIG_KEYS.map((k) => k.key).filter((k) => !doc.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it('lists every command-line flag', () => {
    const missing = COMMAND_LINE_FLAGS.filter((f) => !doc.includes(`\`-${f.short}`) || !doc.includes(`--${f.long}`)).map((f) => f.short);
    expect(missing).toEqual([]);
  });
});

describe('command line', () => {
  it('has defaults for no arguments', () => {
    expect(parseCommandLine([])).toEqual({
      configFile: undefined,
      console: false,
      defines: {},
      debugLevel: 0,
      epilogLevel: 0,
      traceFlags: 0,
      pedantic: false,
      timerFlags: undefined,
      help: false,
      version: false,
      app: undefined,
      errors: [],
    });
  });

  it('reads every flag', () => {
    const cl = parseCommandLine(['-f', 'lapis.conf', '-c', '-D', 'DEBUG', '-DLEVEL=3', '-d', '2', '-e', '1', '-t', '0x1f', '-p', '-r', '5', '-h', '-V']);
    expect(cl).toEqual({
      configFile: 'lapis.conf',
      console: true,
      defines: { DEBUG: '1', LEVEL: '3' },
      debugLevel: 2,
      epilogLevel: 1,
      traceFlags: 31,
      pedantic: true,
      timerFlags: 5,
      help: true,
      version: true,
      app: undefined,
      errors: [],
    });
  });

  it('accepts attached values, clusters and long forms', () => {
    const cl = parseCommandLine(['-cflapis.conf', '-d3', '--epilog=2', '--trace', '7', '--define=X=a=b', '--console-mode']);
    expect(cl.configFile).toBe('lapis.conf');
    expect(cl.console).toBe(true);
    expect(cl.debugLevel).toBe(3);
    expect(cl.epilogLevel).toBe(2);
    expect(cl.traceFlags).toBe(7);
    expect(cl.defines).toEqual({ X: 'a=b' });
    expect(cl.errors).toEqual([]);
    expect(parseCommandLine(['-cf', 'x.conf']).configFile).toBe('x.conf');
  });

  it('keeps an empty -D value', () => {
    expect(parseCommandLine(['-DEMPTY=']).defines).toEqual({ EMPTY: '' });
  });

  it('gives everything after the app path to the app', () => {
    const cl = parseCommandLine(['-f', 'a.conf', 'tools/app.c', '-c', '--x', 'arg']);
    expect(cl.app).toEqual({ path: 'tools/app.c', args: ['-c', '--x', 'arg'] });
    expect(cl.console).toBe(false);
    expect(cl.errors).toEqual([]);
  });

  it('ends options at --', () => {
    expect(parseCommandLine(['--', '-weird.c', 'a']).app).toEqual({ path: '-weird.c', args: ['a'] });
  });

  it('reports unknown flags, with a hint for long ones', () => {
    expect(parseCommandLine(['-x']).errors).toEqual(['unknown option "-x"']);
    expect(parseCommandLine(['--consol-mode']).errors).toEqual(['unknown option "--consol-mode" (did you mean "--console-mode"?)']);
    expect(parseCommandLine(['--nothing-like-it']).errors).toEqual(['unknown option "--nothing-like-it"']);
  });

  it('reports missing values', () => {
    expect(parseCommandLine(['-f']).errors).toEqual(['option -f needs a value (file)']);
    expect(parseCommandLine(['-c', '-d']).errors).toEqual(['option -d needs a value (level)']);
    expect(parseCommandLine(['--epilog']).errors).toEqual(['option --epilog needs a value (level)']);
    expect(parseCommandLine(['--config=']).errors).toEqual(['option --config needs a value (file)']);
  });

  it('reports bad values', () => {
    expect(parseCommandLine(['-d', 'high']).errors).toEqual(['option -d: expected a non-negative integer, got "high"']);
    expect(parseCommandLine(['-t', '0xZZ']).errors).toEqual(['option -t: expected an integer (decimal or 0x hex), got "0xZZ"']);
    expect(parseCommandLine(['-D', '1ABC']).errors).toEqual(['option -D: "1ABC" is not a macro name']);
    expect(parseCommandLine(['--pedantic=yes']).errors).toEqual(['option --pedantic takes no value']);
  });

  it('prints a usage line per flag', () => {
    const lines = commandLineUsage().split('\n');
    // The header, then -f -c -D -d -e -t -r -p -h -V: one line each, flag first.
    expect(lines[0]).toBe('usage: lapis [options] [app.c [args...]]');
    expect(lines.slice(1).map((l) => l.trim().split(/[ ,]/)[0])).toEqual(['-f', '-c', '-D', '-d', '-e', '-t', '-r', '-p', '-h', '-V']);
    expect(lines[1]).toBe('  -f file, --config=file'.padEnd(40) + 'read this config file');
    expect(lines[2]).toBe('  -c, --console-mode'.padEnd(40) + 'attach stdin/stdout as user 0 (console mode)');
  });
});
