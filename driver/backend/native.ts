// Loads the native addon built by cmake-js. The handle stays private to this
// module; the rest of the driver sees typed wrappers.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface NativeAddon {
  version(): string;
}

/** Loads build/Release/lapis_native.node relative to the package root. */
export function loadNativeAddon(): NativeAddon {
  // Works both from driver/ (vitest) and dist/driver/ (built JS).
  const candidates = ['../../build/Release/lapis_native.node', '../../../build/Release/lapis_native.node'];
  let lastError: unknown;
  for (const rel of candidates) {
    try {
      return require(new URL(rel, import.meta.url).pathname) as NativeAddon;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`lapis: cannot load the native addon (run \`npm run build:native\`): ${String(lastError)}`);
}
