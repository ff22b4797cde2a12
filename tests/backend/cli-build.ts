// Compiles driver/cli.ts (and everything it reaches, the backend included)
// into a temp directory for child-process tests, and spawns it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const addon = process.env.LAPIS_NATIVE_ADDON ?? join(root, 'build/Release/lapis_native.node');

/** Builds once per test file; returns the output directory. */
export function buildCli(): string {
  const out = mkdtempSync(join(tmpdir(), 'lapis-cli-'));
  const tsc = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '--ignoreConfig',
      join(root, 'driver/cli.ts'),
      join(root, 'driver/backend/server.ts'),
      '--outDir', out,
      '--rootDir', root,
      '--module', 'nodenext',
      '--moduleResolution', 'nodenext',
      '--target', 'es2022',
      '--types', 'node',
      '--skipLibCheck',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  // Type errors elsewhere in the tree do not stop the emit; a missing output does.
  if (!existsSync(join(out, 'driver/cli.js'))) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  return out;
}

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stdout contains `text` (rejects on timeout or exit). */
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function runCli(compiled: string, args: string[], cwd: string): CliRun {
  const child = spawn(process.execPath, [join(root, 'tests/backend/fixtures/run-cli.mjs'), compiled, ...args], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, LAPIS_NATIVE_ADDON: addon },
  });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  let exited = false;
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => {
    out += d;
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr!.on('data', (d) => (err += String(d)));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      waiters.splice(0).forEach((w) => w());
      resolve({ code, stdout: out, stderr: err });
    }),
  );
  const waitFor = async (text: string | RegExp, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    const ok = () => (typeof text === 'string' ? out.includes(text) : text.test(out));
    while (!ok()) {
      if (exited) throw new Error(`lapis exited while waiting for ${String(text)}; stdout:\n${out}\nstderr:\n${err}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${String(text)}; stdout:\n${out}\nstderr:\n${err}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  };
  return { child, stdout: () => out, stderr: () => err, waitFor, exit };
}
