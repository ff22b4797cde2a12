// The reset schedule (driver/vm/resets.ts) keeps one heap entry per live
// object: destruct removes it at once (nothing keeps destructed clones
// reachable), and rescheduling moves the entry instead of adding another.
import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';

const MASTER = 'void create() {}\n';
const ROOM = 'int resets = 0; void reset() { resets++; } int count() { return resets; } void touch() { }';

describe('reset schedule', () => {
  it('drops a destructed clone from the schedule immediately', () => {
    const mud = bootMud({ '/master.c': MASTER, '/room.c': ROOM }, { resetDuration: 100 });
    mud.rt.loadObject('/room');
    const before = mud.world.resets.scheduledObjects().length;
    const clones = [];
    for (let i = 0; i < 50; i++) clones.push(mud.rt.cloneObject('/room'));
    expect(mud.world.resets.scheduledObjects().length).toBe(before + 50);
    // Destruct in an order that is neither the heap's nor its reverse.
    for (let i = 0; i < 50; i += 2) mud.rt.destruct(clones[i]);
    for (let i = 49; i > 0; i -= 2) mud.rt.destruct(clones[i]);
    expect(mud.world.resets.scheduledObjects().length).toBe(before);
    for (const ob of clones) expect(ob.rs?.idx).toBe(-1);
  });

  it('resets the survivors exactly when due after removals and reschedules', () => {
    let r = 0;
    const mud = bootMud({
      '/master.c': MASTER,
      '/room.c': ROOM,
      '/setter.c': 'void go(object ob, int n) { set_reset(ob, n); }',
    }, { resetDuration: 1000, random: () => r });
    const rooms = [];
    for (let i = 0; i < 20; i++) {
      r = ((i * 7) % 20) / 20; // due times out of creation order
      rooms.push(mud.rt.cloneObject('/room'));
    }
    for (let i = 0; i < 20; i += 3) mud.rt.destruct(rooms[i]);
    // Move one entry before all others and one after all others.
    mud.call('/setter', 'go', rooms[1], 1);
    mud.call('/setter', 'go', rooms[2], 2000);
    const live = rooms.filter((o) => !o.destructed);
    for (const room of live) mud.call(room, 'touch');
    const due = new Map(live.map((o) => [o, mud.world.resets.nextResetOf(o)!]));
    expect(due.get(rooms[1])).toBe(mud.host.clock + 1000);
    for (let step = 0; step < 2100; step++) {
      mud.advance(1000, 1000);
      for (const room of live) expect((mud.call(room, 'count') as number) > 0).toBe(due.get(room)! <= mud.host.clock);
      if (step % 100 === 99 && live.every((o) => due.get(o)! <= mud.host.clock)) break;
    }
    expect(live.every((o) => due.get(o)! <= mud.host.clock)).toBe(true);
  });
});
