// How testbots start the driver: the `lapis` command line compiled from the
// current sources (tests/backend/cli-build.ts) rather than dist/, which may be
// stale. Built once per test process; LAPIS_TESTBOT_BIN=bin/lapis uses the
// installed command instead.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, root } from '../backend/cli-build.js';

export interface LapisCommand {
  node: string;
  /** Arguments before the driver's own (the script to run). */
  args: string[];
  env: Record<string, string>;
}

let built: string | undefined;

export function lapisCommand(): LapisCommand {
  const addon = process.env.LAPIS_NATIVE_ADDON ?? join(root, 'build/Release/lapis_native.node');
  const bin = process.env.LAPIS_TESTBOT_BIN;
  if (bin) return { node: process.execPath, args: [join(root, bin)], env: { LAPIS_NATIVE_ADDON: addon } };
  if (!built) {
    built = buildCli();
    const dir = built;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return { node: process.execPath, args: [join(root, 'tests/backend/fixtures/run-cli.mjs'), built], env: { LAPIS_NATIVE_ADDON: addon } };
}
