// uids and euids (MudOS v22 / Neolith give_uid_to_object, set_master, the
// uids package). Every object gets a uid from the master's creator_file();
// its euid starts at 0 unless it was loaded by an object with the same uid
// (which passes its uid and euid on, as MudOS v22 does) or by the backbone (AUTO_TRUST_BACKBONE, on in
// Neolith: the new object takes the loader's euid as uid and euid). The
// master's uid and euid are the root uid (get_root_uid()).
//
// A master without creator_file() runs the mudlib as a driver built without
// the uids package: objects keep uid 0 and loading/cloning never asks for an
// euid. App-mode programs and small test mudlibs rely on this.
import type { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import { truthy, type Value } from './values.js';

export const NONAME_UID = 'NONAME';

export class Uids {
  rootUid: string | 0 = 0;
  backboneUid: string | 0 = 0;

  constructor(readonly rt: Runtime) {}

  /** The master program enabled() last looked at, and its answer (asked for every new object). */
  private seenLinked: unknown = undefined;
  private seenEnabled = false;
  /** The master's creator_file() for seenLinked, undefined when it has none (the uid protocol is off). */
  private creatorFile: Function | undefined = undefined;

  /** True when the master takes part in the uid protocol (defines creator_file). */
  enabled(): boolean {
    const m = this.rt.master;
    if (!m || m.destructed) return false;
    if (m.linked !== this.seenLinked) {
      this.seenLinked = m.linked;
      const e = m.linked.table.get('creator_file');
      this.seenEnabled = e !== undefined;
      this.creatorFile = e?.fn;
    }
    return this.seenEnabled;
  }

  /**
   * Neolith set_master(): the root uid from get_root_uid(); the backbone uid
   * from get_bb_uid() on the first master only.
   */
  setMaster(master: LpcObject, first: boolean): void {
    const rt = this.rt;
    const root = rt.masterApply('get_root_uid', []);
    if (typeof root === 'string') {
      this.rootUid = root;
      master.uid = root;
      master.euid = root;
    }
    if (first) {
      const bb = rt.masterApply('get_bb_uid', []);
      if (typeof bb === 'string') this.backboneUid = bb;
      // Objects made before the master (the simul_efun object) got "NONAME" in Neolith.
      if (this.enabled()) for (const ob of rt.allObjects()) if (ob !== master && !ob.uid) ob.uid = NONAME_UID;
    }
  }

  /** load_object's check before valid_object() (callers check enabled() first). */
  checkLoader(): void {
    const cur = this.rt.cur;
    if (!cur || cur === this.rt.master || cur.euid) return;
    this.rt.error("Can't load objects when no effective user.");
  }

  /**
   * Neolith give_uid_to_object() for a new object other than the master;
   * nothing when the master takes no part in the uid protocol. For a clone it
   * first makes clone_object's check (the cloning object needs an euid) and
   * returns false when that fails: the caller destructs the clone and reports
   * the error. One function for both steps, as clone_object() runs them per
   * object (each hot function costs V8 a compile of its own).
   */
  giveUid(ob: LpcObject): boolean {
    const rt = this.rt;
    const m = rt.master;
    if (!m || m.destructed) return true;
    if (m.linked !== this.seenLinked) this.enabled();
    const creatorFile = this.creatorFile;
    if (creatorFile === undefined) return true;
    const cur = rt.cur;
    if (ob.isClone && cur && cur !== m && !cur.euid) return false;
    // The master apply with the function enabled() found (the call
    // masterApply would make, without a table lookup or an argument array).
    const r = rt.enterObject1(m, creatorFile, '/' + ob.name);
    const creator = typeof r === 'string' ? r : NONAME_UID;
    if (cur && !cur.destructed) {
      if (cur.uid && cur.uid === creator) {
        // MudOS v22 passes the loader's euid on as well (its testsuite
        // relies on it); Neolith dropped that, leaving the euid 0.
        ob.uid = cur.uid;
        ob.euid = cur.euid;
        return true;
      }
      if (this.backboneUid && creator === this.backboneUid) {
        ob.uid = cur.euid;
        ob.euid = cur.euid;
        return true;
      }
    }
    ob.uid = creator;
    ob.euid = 0;
    return true;
  }

  /** seteuid(): 0 always works; a string needs the master's valid_seteuid(ob, uid). */
  seteuid(ob: LpcObject, uid: Value): number {
    if (uid === 0) {
      ob.euid = 0;
      return 1;
    }
    const rt = this.rt;
    if (rt.master && !rt.master.destructed) {
      const ok = rt.masterApply('valid_seteuid', [ob, uid]);
      if (ok === undefined || !truthy(ok)) return 0;
    }
    ob.euid = uid as string;
    return 1;
  }

  /** export_uid(ob): ob's uid becomes our euid, only when ob has no euid (Neolith). */
  exportUid(from: LpcObject, to: LpcObject): number {
    if (!from.euid) this.rt.error('Illegal to export uid 0');
    if (to.euid) return 0;
    to.uid = from.euid;
    return 1;
  }
}

const registries = new WeakMap<Runtime, Uids>();

export function uidsOf(rt: Runtime): Uids {
  let u = registries.get(rt);
  if (!u) registries.set(rt, (u = new Uids(rt)));
  return u;
}
