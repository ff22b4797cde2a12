import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';
import { nodeOf } from '../../driver/vm/inventory.js';
import type { LpcObject } from '../../driver/vm/object.js';

const THING = `void move(mixed d) { move_object(d); } void live() { enable_commands(); } void name(string n) { set_living_name(n); }`;

function setup() {
  const mud = bootMud({ '/master.c': 'void create() {}', '/thing.c': THING });
  const make = (living = false) => {
    const ob = mud.rt.cloneObject('/thing');
    if (living) mud.call(ob, 'live');
    return ob;
  };
  const parted: string[] = [];
  mud.world.inventory.removeActionsHooks.push((definer, user) => parted.push(`${definer.name}->${user.name}`));
  return { mud, make, parted };
}

describe('inventory', () => {
  it('tells the command system which actions leave whom when a living object moves away', () => {
    const { mud, make, parted } = setup();
    const room = make(), bob = make(true), npc = make(true), rock = make();
    for (const ob of [npc, rock, bob]) mud.call(ob, 'move', room);
    const other = make();
    parted.length = 0;
    mud.call(bob, 'move', other);
    // MudOS remove_sent order: the room's actions on bob, then per object there.
    expect(parted).toEqual([
      `${room.name}->${bob.name}`,
      `${bob.name}->${npc.name}`, `${npc.name}->${bob.name}`, `${rock.name}->${bob.name}`,
    ]);
  });

  it('drops a destructed object\'s actions from the living objects around it', () => {
    const { mud, make, parted } = setup();
    const room = make(true), bob = make(true), sword = make();
    mud.call(bob, 'move', room);
    mud.call(sword, 'move', room);
    parted.length = 0;
    mud.rt.destruct(sword);
    expect(parted).toEqual([`${sword.name}->${room.name}`, `${sword.name}->${bob.name}`]);
    expect(mud.world.inventory.contents(room)).toEqual([bob]);
  });

  it('find_player() only sees objects the backend marked as once interactive', () => {
    const { mud, make } = setup();
    const bob = make(true);
    mud.call(bob, 'name', 'bob');
    const inv = mud.world.inventory;
    expect(inv.findLiving('bob', true)).toBe(0);
    nodeOf(bob).onceInteractive = true;
    expect(inv.findLiving('bob', true)).toBe(bob);
    expect(inv.findLiving('bob', false)).toBe(bob);
  });

  it('moves an object out of the world with move(ob, 0)', () => {
    const { mud, make } = setup();
    const room = make(), rock = make();
    mud.call(rock, 'move', room);
    mud.rt.runTop(() => mud.world.inventory.move(rock, 0));
    expect(mud.world.inventory.environment(rock)).toBe(0);
    expect(mud.world.inventory.contents(room)).toEqual([]);
  });

  it('an error in init() propagates out of move_object(), the move itself done', () => {
    const mud = bootMud({
      '/master.c': 'void create() {}',
      '/thing.c': THING + ' void init() { error("bad init"); }',
    });
    const room = mud.rt.cloneObject('/thing');
    const bob = mud.rt.cloneObject('/thing');
    mud.call(bob, 'live');
    const err = mud.rt.runTop(() => mud.rt.enterObject(bob, () => {
      try {
        mud.world.inventory.move(bob, room);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    }, []));
    expect(err).toBe('bad init');
    expect(mud.world.inventory.environment(bob)).toBe(room as LpcObject);
  });
});

describe('world scheduler', () => {
  it('nextDueTime() is the earliest of call_outs, heart beats and resets', () => {
    const mud = bootMud({
      '/master.c': 'void create() {}',
      '/a.c': 'void create() { set_heart_beat(1); call_out("f", 0.25); } void f() {} void heart_beat() {}',
    }, { heartbeatInterval: 1000, resetDuration: 4, cleanupDuration: 0 });
    const t0 = mud.host.clock;
    mud.rt.loadObject('/a');
    expect(mud.world.nextDueTime()).toBe(t0 + 250);
    mud.advance(250);
    expect(mud.world.nextDueTime()).toBe(t0 + 1000);
    mud.advance(750);
    expect(mud.world.nextDueTime()).toBe(t0 + 2000);
  });

  it('runs call_outs with the this_player() they were registered under', () => {
    const mud = bootMud({
      '/master.c': 'void create() {}',
      '/p.c': 'void create() { enable_commands(); call_out("f", 1); } void f() { write(sprintf("%O", this_player() == this_object())); }',
    });
    mud.rt.loadObject('/p');
    mud.take();
    mud.advance(1000);
    expect(mud.take()).toBe('1');
  });
});
