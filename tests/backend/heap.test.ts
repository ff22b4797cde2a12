// settleHeap(): after boot, what boot keeps leaves V8's young generation, so
// the first scavenges of the running MUD do not copy it (driver/host/heap.ts).
import v8 from 'node:v8';
import { expect, it } from 'vitest';
import { settleHeap } from '../../driver/host/heap.js';

const youngUsed = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;

it('promotes live young objects out of the new space', () => {
  // ~4 MB of small live objects, as boot leaves behind (compiled programs, tables).
  const kept: { n: number; s: string }[] = [];
  for (let i = 0; i < 100_000; i++) kept.push({ n: i, s: 'x' + i });
  expect(youngUsed()).toBeGreaterThan(1_000_000);
  settleHeap();
  expect(youngUsed()).toBeLessThan(256 * 1024);
  expect(kept[99_999].s).toBe('x99999');
});
