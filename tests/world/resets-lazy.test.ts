// Reset state is made only for objects that can use it (driver/vm/resets.ts):
// an object with neither reset() nor clean_up() gets no state and no heap
// entry at creation, so cloning and destructing it costs the reset module
// nothing; set_reset() still schedules it, and objects that define reset()
// behave as before.
import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';

const MASTER = 'void create() {}\n';
const PLAIN = 'int value; void create() { value = 3; } int query_value() { return value; }';
const ROOM = 'int resets = 0; void reset() { resets++; } int count() { return resets; }';

describe('lazy reset state', () => {
  it('gives a clone without reset() or clean_up() no reset state', () => {
    const mud = bootMud({ '/master.c': MASTER, '/plain.c': PLAIN }, { resetDuration: 100 });
    const before = mud.world.resets.scheduledObjects().length;
    const ob = mud.rt.cloneObject('/plain');
    expect(ob.rs).toBeUndefined();
    expect(mud.world.resets.scheduledObjects().length).toBe(before);
    expect(mud.world.resets.nextResetOf(ob)).toBeUndefined();
    mud.rt.destruct(ob);
    expect(mud.world.resets.scheduledObjects().length).toBe(before);
  });

  it('still schedules clones of an object with reset()', () => {
    const mud = bootMud({ '/master.c': MASTER, '/room.c': ROOM }, { resetDuration: 100 });
    const ob = mud.rt.cloneObject('/room');
    expect(ob.rs?.willReset).toBe(true);
    expect(mud.world.resets.scheduledObjects()).toContain(ob);
  });

  it('gives an object with clean_up() but no reset() a state that never resets', () => {
    const mud = bootMud({ '/master.c': MASTER, '/tidy.c': 'int clean_up(int inh) { return 1; }' }, { resetDuration: 100 });
    const ob = mud.rt.cloneObject('/tidy');
    expect(ob.rs?.willCleanUp).toBe(true);
    expect(ob.rs?.willReset).toBe(false);
    expect(mud.world.resets.scheduledObjects()).not.toContain(ob);
  });

  it('lets set_reset() schedule an object without reset state', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/plain.c': PLAIN,
      '/setter.c': 'void go(object ob, int n) { set_reset(ob, n); }',
    }, { resetDuration: 100 });
    const ob = mud.rt.cloneObject('/plain');
    mud.call('/setter', 'go', ob, 5);
    expect(mud.world.resets.nextResetOf(ob)).toBe(mud.host.clock + 5000);
    expect(mud.world.resets.scheduledObjects()).toContain(ob);
  });
});

describe('lazy reset state and shadows', () => {
  it('schedules an object without reset() once a shadow defining reset() covers it', () => {
    const mud = bootMud({
      '/master.c': 'void create() {}\nint valid_shadow(object ob) { return 1; }\n',
      '/plain.c': PLAIN,
      '/sh.c': 'int n; void reset() { n++; } int count() { return n; } object go(object ob) { return shadow(ob, 1); }',
    }, { resetDuration: 100 });
    const ob = mud.rt.cloneObject('/plain');
    expect(ob.rs).toBeUndefined();
    const sh = mud.rt.cloneObject('/sh');
    expect(mud.call(sh, 'go', ob)).toBe(ob);
    expect(ob.rs?.willReset).toBe(true);
    expect(mud.world.resets.scheduledObjects()).toContain(ob);
  });
});
