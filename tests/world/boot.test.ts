import { describe, expect, it } from 'vitest';
import { bootMud } from './helpers.js';
import { LpcObject } from '../../driver/vm/object.js';

describe('boot', () => {
  it('loads the simul_efun object before the master, then epilog(level) and preload()', () => {
    const mud = bootMud({
      '/sefun.c': 'void create() { write("sefun "); }',
      '/master.c': `void create() { write("master "); }
        string *epilog(int level) { write("epilog " + level + " "); return ({ "/a", "/b" }); }
        void preload(string f) { write("preload " + f + " "); load_object(f); }`,
      '/a.c': 'void create() { write("a "); }',
      '/b.c': 'void create() { error("b fails"); }',
    }, { simulEfunFile: '/sefun.c', epilogLevel: 3 });
    expect(mud.take()).toBe('sefun master epilog 3 preload /a a preload /b ');
    expect(mud.preloaded).toEqual(['/a', '/b']);
    expect(mud.rt.simulEfuns).toBeInstanceOf(LpcObject);
    expect(mud.master?.name).toBe('master');
    expect(mud.host.err).toContain('b fails');
  });

  it('passes epilog() files to preload() only: without preload() nothing is loaded', () => {
    const mud = bootMud({
      '/master.c': 'string *epilog(int level) { return ({ "/a" }); }',
      '/a.c': 'void create() { write("a loaded"); }',
    });
    expect(mud.preloaded).toEqual(['/a']);
    expect(mud.take()).toBe('');
    expect(mud.rt.findObject('/a')).toBeUndefined();
  });

  it('gives the master the root uid after it loaded, and remembers the backbone uid', () => {
    const mud = bootMud({
      '/master.c': `string get_root_uid() { return "Root"; } string get_bb_uid() { return "Backbone"; }
        string creator_file(string f) { return "Backbone"; }
        void create() { write("in create " + getuid() + " "); }`,
      '/x.c': 'string ids() { return getuid() + "/" + geteuid(); }',
    });
    expect(mud.take()).toBe('in create 0 ');
    const m = mud.master!;
    expect([m.uid, m.euid]).toEqual(['Root', 'Root']);
    expect(mud.world.uids.backboneUid).toBe('Backbone');
    // Loaded by the master through the backbone: the master's euid as uid and euid.
    const x = mud.rt.runTop(() => mud.rt.enterObject(m, () => mud.rt.loadObject('/x'), []));
    expect(mud.call(x as LpcObject, 'ids')).toBe('Root/Root');
  });

  it('gives objects loaded before the master the uid NONAME when the master uses uids', () => {
    const mud = bootMud({
      '/sefun.c': 'int one() { return 1; }',
      '/master.c': 'string creator_file(string f) { return "Creator"; } string get_root_uid() { return "Root"; }',
    }, { simulEfunFile: '/sefun.c' });
    const sef = mud.rt.simulEfuns as LpcObject;
    expect([sef.uid, sef.euid]).toEqual(['NONAME', 0]);
  });

  it('lets simul_efuns override efuns and efun:: reach the original', () => {
    const mud = bootMud({
      '/sefun.c': 'string upper(string s) { return "<" + s + ">"; } int strlen(string s) { return 99; }',
      '/master.c': 'void create() {}',
      '/user.c': 'string go() { return upper("x") + " " + strlen("abc") + " " + efun::strlen("abc"); }',
    }, { simulEfunFile: '/sefun.c' });
    expect(mud.call('/user', 'go')).toBe('<x> 99 3');
  });

  it('refuses to destruct the simul_efun object while the master exists (Neolith)', () => {
    const mud = bootMud({
      '/sefun.c': 'int one() { return 1; }',
      '/master.c': 'mixed kill() { return catch(destruct(find_object("/sefun"))); }',
    }, { simulEfunFile: '/sefun.c' });
    expect(mud.call(mud.master!, 'kill')).toBe('*Cannot destruct simul_efun_object while master_object exists.\n');
    expect(mud.rt.simulEfuns).not.toBe(0);
  });

  it('replaces a destructed master by a fresh copy of its file (Neolith)', () => {
    const mud = bootMud({
      '/master.c': `int n; void create() { n = 1; write("master created "); }
        string get_root_uid() { return "Root"; }
        void bump() { n++; } int count() { return n; } void die() { destruct(this_object()); }`,
    });
    const old = mud.master!;
    mud.call(old, 'bump');
    mud.take();
    mud.call(old, 'die');
    const fresh = mud.rt.master as LpcObject;
    expect(mud.take()).toBe('master created ');
    expect(old.destructed).toBe(true);
    expect(fresh).not.toBe(old);
    expect(mud.rt.findObject('/master')).toBe(fresh);
    expect(mud.call(fresh, 'count')).toBe(1);
    expect(fresh.uid).toBe('Root');
  });

  it('compiles a file again when its destructed blueprint is loaded again; clones keep the old code', () => {
    const mud = bootMud({ '/master.c': 'void create() {}', '/x.c': 'string v() { return "old"; }' });
    const x = mud.rt.loadObject('/x');
    const c = mud.rt.cloneObject('/x');
    mud.host.files.set('/x.c', 'string v() { return "new"; }');
    mud.rt.destruct(x);
    const x2 = mud.rt.loadObject('/x');
    expect([mud.call(x2, 'v'), mud.call(c, 'v')]).toEqual(['new', 'old']);
  });

  it('keeps the old master when the new copy does not load', () => {
    const mud = bootMud({ '/master.c': 'mixed die() { return catch(destruct(this_object())); }' });
    const old = mud.master!;
    mud.host.files.set('/master.c', 'syntax error here');
    expect(mud.call(old, 'die')).toBe('*Destruct on vital object failed: new copy failed to reload.\n');
    expect(mud.rt.master).toBe(old);
    expect(old.destructed).toBe(false);
    expect(mud.rt.findObject('/master')).toBe(old);
  });

  it('reports a fatal error to the master\'s crash(message, command_giver, current_object)', () => {
    const mud = bootMud({
      '/master.c': 'void crash(string msg, object who, object ob) { write(sprintf("crash %s %O %O\\n", msg, who, ob)); }',
    });
    expect(mud.world.crash('out of memory', 0, mud.master!)).toBe(true);
    expect(mud.take()).toBe('crash out of memory 0 /master\n');
  });

  it('asks valid_* applies the Neolith way: approved without a master, refused when the apply is missing', () => {
    const mud = bootMud({ '/master.c': 'int valid_link(string a, string b) { return a == "ok"; }' });
    expect(mud.world.masterApproves('valid_link', ['ok', 'x'])).toBe(true);
    expect(mud.world.masterApproves('valid_link', ['no', 'x'])).toBe(false);
    expect(mud.world.masterApproves('valid_socket', [0, 'socket_create', []])).toBe(false);
  });
});
