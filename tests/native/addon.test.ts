import { describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../../driver/backend/native.js';

describe('native addon', () => {
  it('loads and reports its version', () => {
    expect(loadNativeAddon().version()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
