import { describe, expect, it } from 'vitest';
import { CallOutQueue } from '../../driver/vm/callouts.js';
import type { LpcObject } from '../../driver/vm/object.js';

const ob = {} as LpcObject;

describe('CallOutQueue', () => {
  it('runs a delay of 0 before a delay of 1 ms, and equal due times in registration order', () => {
    let now = 0;
    const q = new CallOutQueue(() => now);
    q.add(ob, 'late', 1, [], 0);
    q.add(ob, 'first', 0, [], 0);
    q.add(ob, 'second', 0, [], 0);
    now = 5;
    const order: unknown[] = [];
    for (let c = q.popDue(now); c; c = q.popDue(now)) order.push(c.fn);
    expect(order).toEqual(['first', 'second', 'late']);
  });

  it('does not hand out call_outs before they are due, and skips cancelled ones', () => {
    let now = 0;
    const q = new CallOutQueue(() => now);
    const a = q.add(ob, 'a', 10, [], 0);
    q.add(ob, 'b', 20, [], 0);
    expect(q.popDue(5)).toBeUndefined();
    q.cancel(a);
    expect(q.size).toBe(1);
    expect(q.nextDue()).toBe(20);
    now = 20;
    expect(q.popDue(now)?.fn).toBe('b');
  });
});

describe('CallOutQueue passes', () => {
  it('leaves call_outs registered during a pass for the next pass', () => {
    const q = new CallOutQueue(() => 0);
    q.add(ob, 'old', 0, [], 0);
    const limit = q.lastSeq;
    q.add(ob, 'new', 0, [], 0);
    expect(q.popDue(0, limit)?.fn).toBe('old');
    expect(q.popDue(0, limit)).toBeUndefined();
    expect(q.popDue(0)?.fn).toBe('new');
  });
});
