import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';

const MASTER = 'void create() {}\n';
const ROOM = `int resets = 0; void reset() { resets++; } int count() { return resets; } void touch() { }`;

describe('resets', () => {
  it('spreads the first reset over [ResetDuration/2, ResetDuration)', () => {
    let r = 0;
    const mud = bootMud({ '/master.c': MASTER, '/room.c': ROOM }, { resetDuration: 100, random: () => r });
    const t0 = mud.host.clock;
    const a = mud.rt.cloneObject('/room');
    r = 0.999;
    const b = mud.rt.cloneObject('/room');
    expect(mud.world.resets.nextResetOf(a)).toBe(t0 + 50_000);
    expect(mud.world.resets.nextResetOf(b)).toBe(t0 + 99_000);
  });

  it('resets a used object when due, with no this_player(), and schedules the next one', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/room.c': ROOM + ' void reset2() {}',
      '/p.c': 'void create() { enable_commands(); } void go(object r) { r->touch(); }',
    }, { resetDuration: 100 });
    const room = mud.rt.cloneObject('/room');
    mud.call(room, 'touch');
    mud.advance(49_999);
    expect(mud.call(room, 'count')).toBe(0);
    mud.advance(1);
    expect(mud.call(room, 'count')).toBe(1);
    expect(mud.world.resets.nextResetOf(room)).toBe(mud.host.clock + 50_000);
  });

  it('does not reset an object nobody used since its last reset, until it is used', () => {
    const mud = bootMud({ '/master.c': MASTER, '/room.c': ROOM }, { resetDuration: 100, sweepMs: 10_000 });
    const room = mud.rt.cloneObject('/room');
    mud.advance(200_000, 1000);
    expect(mud.world.resets.scheduledObjects()).not.toContain(room);
    mud.call(room, 'touch');
    mud.advance(10_000, 1000);
    expect(mud.call(room, 'count')).toBe(1);
  });

  it('stops asking objects without reset()', () => {
    const mud = bootMud({ '/master.c': MASTER, '/plain.c': 'void touch() {}' }, { resetDuration: 100 });
    const ob = mud.rt.cloneObject('/plain');
    mud.call(ob, 'touch');
    mud.advance(50_000);
    expect(mud.world.resets.scheduledObjects()).not.toContain(ob);
  });

  it('set_reset(ob, n) resets after n seconds', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/room.c': ROOM,
      '/setter.c': 'void go(object r) { set_reset(r, 5); r->touch(); }',
    }, { resetDuration: 1000 });
    const room = mud.rt.cloneObject('/room');
    mud.call('/setter', 'go', room);
    mud.advance(5000);
    expect(mud.call(room, 'count')).toBe(1);
  });
});

describe('idle', () => {
  it('does not wake the loop for sweeps when no object wants clean_up() and no reset waits', () => {
    const mud = bootMud({ '/master.c': 'void create() {}', '/plain.c': 'void touch() {}' }, { resetDuration: 0, sweepMs: 10_000 });
    mud.rt.cloneObject('/plain');
    expect(mud.world.nextDueTime()).toBeUndefined();
  });

  it('stops sweeping once the last clean_up() candidate declined', () => {
    const mud = bootMud({ '/master.c': 'void create() {}', '/idle.c': 'int clean_up(int i) { return 0; }' },
      { resetDuration: 0, cleanupDuration: 60, sweepMs: 10_000 });
    mud.rt.loadObject('/idle');
    expect(mud.world.nextDueTime()).toBe(mud.host.clock + 10_000);
    mud.advance(70_000, 10_000);
    expect(mud.world.nextDueTime()).toBeUndefined();
  });
});

describe('clean_up', () => {
  const CLEAN = `int calls = 0; int clean_up(int inherited) { calls++; write("clean_up(" + inherited + ") " + file_name() + "\\n");
    if (inherited) return 1; if (clonep()) { destruct(this_object()); return 0; } return 0; }
    void touch() {}`;

  it('calls clean_up(0) in a clone unused for CleanupDuration; it may destruct itself', () => {
    const mud = bootMud({ '/master.c': MASTER, '/junk.c': CLEAN }, { cleanupDuration: 60, sweepMs: 10_000, resetDuration: 0 });
    const ob = mud.rt.cloneObject('/junk');
    mud.take();
    mud.advance(60_000, 10_000);
    expect(mud.take()).toBe('');
    mud.advance(10_000, 10_000);
    expect(mud.take()).toBe(`clean_up(2) /junk\nclean_up(0) /${ob.name}\n`);
    expect(ob.destructed).toBe(true);
  });

  it('passes blueprints their program reference count (objects and inheriting programs)', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/junk.c': CLEAN,
      '/sub.c': 'inherit "/junk";',
    }, { cleanupDuration: 60, sweepMs: 10_000, resetDuration: 0 });
    const bp = mud.rt.loadObject('/junk');
    mud.rt.loadObject('/sub');
    mud.take();
    mud.advance(80_000, 10_000);
    expect(mud.take()).toBe('clean_up(2) /junk\nclean_up(1) /sub\n');
    expect(bp.destructed).toBe(false);
  });

  it('asks again after another idle period while clean_up() returns non-zero, never after 0', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/keep.c': 'int clean_up(int i) { write("keep "); return 1; }',
      '/idle.c': 'int clean_up(int i) { write("idle "); return 0; }',
    }, { cleanupDuration: 60, sweepMs: 10_000, resetDuration: 0 });
    mud.rt.loadObject('/keep');
    mud.rt.loadObject('/idle');
    mud.advance(300_000, 10_000);
    // Idle for more than 60 s at the sweeps at 70, 140, 210 and 280 s.
    expect(mud.take()).toBe('keep idle keep keep keep ');
  });

  it('waits while the object keeps being called', () => {
    const mud = bootMud({ '/master.c': MASTER, '/junk.c': CLEAN }, { cleanupDuration: 60, sweepMs: 10_000, resetDuration: 0 });
    const ob = mud.rt.cloneObject('/junk');
    mud.take();
    for (let i = 0; i < 10; i++) {
      mud.advance(30_000, 10_000);
      mud.call(ob, 'touch');
    }
    expect(mud.take()).not.toContain(ob.name);
    expect(ob.destructed).toBe(false);
  });
});
