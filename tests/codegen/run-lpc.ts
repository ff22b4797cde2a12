// Test helper: compiles and runs LPC sources held in memory (MemoryHost) as an app.
import { MemoryHost } from '../../driver/vm/host.js';
import { createRuntime, runApp } from '../../driver/app.js';

export async function runLpc(
  files: Record<string, string>,
  limits = {},
  simulEfunFile?: string,
): Promise<{ out: string; err: string; code: number; rt: ReturnType<typeof createRuntime> }> {
  const host = new MemoryHost(files);
  const opts = { host, appPath: '/app.c', args: [], limits, simulEfunFile, sleep: async (ms: number) => { host.clock += ms; } };
  const rt = createRuntime(opts);
  const code = await runApp(opts, rt);
  return { out: host.out, err: host.err, code, rt };
}
