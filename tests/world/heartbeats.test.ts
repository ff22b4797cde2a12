import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';

const MASTER = 'void create() {}\n';

describe('heart beats', () => {
  it('calls heart_beat() once per interval, every n-th beat with set_heart_beat(n)', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/a.c': 'int n = 0; void create() { set_heart_beat(1); } void heart_beat() { n++; } int count() { return n; }',
      '/b.c': 'int n = 0; void create() { set_heart_beat(3); } void heart_beat() { n++; } int count() { return n; }',
    }, { heartbeatInterval: 1000 });
    const a = mud.rt.loadObject('/a');
    const b = mud.rt.loadObject('/b');
    mud.advance(999);
    expect(mud.call(a, 'count')).toBe(0);
    mud.advance(1);
    expect(mud.call(a, 'count')).toBe(1);
    mud.advance(5000, 100);
    expect(mud.call(a, 'count')).toBe(6);
    expect(mud.call(b, 'count')).toBe(2);
  });

  it('runs beats in the order objects enabled them, with this_player() the living object', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/x.c': `string tag; void setup(string t, int live) { tag = t; if (live) enable_commands(); set_heart_beat(1); }
        void heart_beat() { write(tag + (this_player() == this_object() ? "+" : "-") + " "); set_heart_beat(0); }`,
    });
    const rt = mud.rt;
    const one = rt.cloneObject('/x');
    const two = rt.cloneObject('/x');
    mud.call(two, 'setup', 'two', 1);
    mud.call(one, 'setup', 'one', 0);
    mud.take();
    mud.advance(1000);
    expect(mud.take()).toBe('two+ one- ');
    expect(mud.world.heartBeats.nextDueTime()).toBeUndefined();
  });

  it('turns the heart beat off after an error and reports it to the driver log', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/bad.c': 'void create() { set_heart_beat(1); } void heart_beat() { error("boom"); }',
    });
    const bad = mud.rt.loadObject('/bad');
    mud.advance(1000);
    expect(mud.world.heartBeats.query(bad)).toBe(0);
    expect(mud.host.err).toContain('Heart beat in /bad turned off.');
    expect(mud.host.err).toContain('*boom');
  });

  it('forgets destructed objects', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/a.c': 'void create() { set_heart_beat(1); } void heart_beat() { }',
    });
    const a = mud.rt.loadObject('/a');
    expect(mud.world.heartBeats.objects()).toEqual([a]);
    mud.rt.destruct(a);
    expect(mud.world.heartBeats.objects()).toEqual([]);
    expect(mud.world.nextDueTime()).not.toBe(mud.host.clock + 1000);
  });

  it('runs one beat, not a burst, when the loop was late', () => {
    const mud = bootMud({
      '/master.c': MASTER,
      '/a.c': 'int n = 0; void create() { set_heart_beat(1); } void heart_beat() { n++; } int count() { return n; }',
    });
    const a = mud.rt.loadObject('/a');
    mud.host.clock += 10_000;
    mud.world.runDue(mud.host.clock);
    expect(mud.call(a, 'count')).toBe(1);
    expect(mud.world.heartBeats.nextDueTime()).toBe(mud.host.clock + 1000);
  });
});
