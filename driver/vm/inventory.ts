// Environment and inventory (MudOS v22 / Neolith simulate.c semantics):
// where each object is, what it contains, which objects are living
// (enable_commands), living names, hidden objects, and the init() protocol of
// move_object. Contents keep MudOS order: the most recently moved-in object is
// first (first_inventory, all_inventory, present all walk that order).
//
// The command system itself (add_action sentences) belongs to the backend;
// it learns through `removeActionsHooks` when an object's actions must leave
// a living object, at exactly the points where MudOS calls remove_sent().
import type { LpcObject } from './object.js';
import type { Runtime } from './runtime.js';
import type { Value } from './values.js';
import { truthy } from './values.js';
import { applyShadowed, shadowingOf } from './shadows.js';

/** Per-object world state (kept in LpcObject.ext.inv). */
export class InventoryNode {
  /** The environment (MudOS ob->super). */
  env: LpcObject | 0 = 0;
  /** Contents, oldest first; MudOS order is this array reversed. */
  readonly contents: LpcObject[] = [];
  /** O_ENABLE_COMMANDS: living() and the init() protocol. */
  living = false;
  livingName: string | undefined;
  /** O_HIDDEN (set_hide). */
  hidden = false;
  /** O_ONCE_INTERACTIVE: set by the backend when a connection is attached; find_player() needs it. */
  onceInteractive = false;
}

export function nodeOf(ob: LpcObject): InventoryNode {
  const ext = (ob.ext ??= {});
  let n = ext.inv as InventoryNode | undefined;
  if (!n) ext.inv = n = new InventoryNode();
  return n;
}

/** The node if the object ever had world state, without creating one. */
export function peekNode(ob: LpcObject): InventoryNode | undefined {
  return ob.ext?.inv as InventoryNode | undefined;
}

/** `definer`'s add_actions must leave `user` (MudOS remove_sent(definer, user)). */
export type RemoveActionsHook = (definer: LpcObject, user: LpcObject) => void;

/** The runtime-wide part of the world: living names and hooks. One per Runtime. */
export class Inventory {
  /** Living name → objects with that name, most recently named first (MudOS hash chain order). */
  private readonly livingNames = new Map<string, LpcObject[]>();
  /** The backend's command system listens here (see the file comment). */
  readonly removeActionsHooks: RemoveActionsHook[] = [];

  constructor(readonly rt: Runtime) {
    // Only objects that ever had world state (ob.ext) have anything to undo.
    rt.extPreDestructHooks.push((ob) => this.evict(ob));
    rt.extDestructHooks.push((ob) => this.unlink(ob));
  }

  // -------------------------------------------------------------------------
  // Queries

  environment(ob: LpcObject): LpcObject | 0 {
    const n = peekNode(ob);
    if (!n || !n.env || n.env.destructed) return 0;
    return n.env;
  }

  /** Contents in MudOS order (newest first). */
  contents(ob: LpcObject): LpcObject[] {
    const n = peekNode(ob);
    if (!n || !n.contents.length) return [];
    const out: LpcObject[] = [];
    for (let i = n.contents.length - 1; i >= 0; i--) out.push(n.contents[i]);
    return out;
  }

  /** all_inventory/first_inventory view: hidden objects only when valid_hide allows. */
  visibleContents(ob: LpcObject): LpcObject[] {
    const all = this.contents(ob);
    if (!all.some((o) => peekNode(o)?.hidden)) return all;
    const see = this.canSeeHidden();
    return see ? all : all.filter((o) => !peekNode(o)?.hidden);
  }

  /** deep_inventory: depth first, each object followed by its own contents. */
  deepContents(ob: LpcObject): LpcObject[] {
    const out: LpcObject[] = [];
    const walk = (o: LpcObject) => {
      for (const c of this.visibleContents(o)) {
        out.push(c);
        walk(c);
      }
    };
    walk(ob);
    return out;
  }

  /** The object after `ob` in its environment's contents (next_inventory). */
  nextInventory(ob: LpcObject): LpcObject | 0 {
    const env = peekNode(ob)?.env;
    if (!env) return 0;
    const list = nodeOf(env).contents;
    let see: boolean | undefined;
    for (let i = list.indexOf(ob) - 1; i >= 0; i--) {
      const o = list[i];
      if (!peekNode(o)?.hidden) return o;
      if ((see ??= this.canSeeHidden())) return o;
    }
    return 0;
  }

  /** MudOS object_visible()/valid_hide(): the current object may see hidden objects. */
  canSeeHidden(): boolean {
    const cur = this.rt.cur;
    if (!cur) return false;
    if (peekNode(cur)?.hidden) return true;
    return this.validHide(cur);
  }

  validHide(ob: LpcObject): boolean {
    const r = this.rt.masterApply('valid_hide', [ob]);
    return r !== undefined && truthy(r);
  }

  isLiving(ob: LpcObject): boolean {
    return !ob.destructed && !!peekNode(ob)?.living;
  }

  // -------------------------------------------------------------------------
  // Living objects

  enableCommands(ob: LpcObject): void {
    if (ob.destructed) return;
    nodeOf(ob).living = true;
    this.rt.tp = ob;
  }

  disableCommands(ob: LpcObject): void {
    const n = peekNode(ob);
    if (ob.destructed || !n?.living) return;
    n.living = false;
    this.rt.tp = 0;
  }

  setLivingName(ob: LpcObject, name: string): void {
    if (ob.destructed) return;
    this.removeLivingName(ob);
    nodeOf(ob).livingName = name;
    const list = this.livingNames.get(name);
    if (list) list.unshift(ob);
    else this.livingNames.set(name, [ob]);
  }

  removeLivingName(ob: LpcObject): void {
    const n = peekNode(ob);
    if (!n?.livingName) return;
    const list = this.livingNames.get(n.livingName);
    if (list) {
      const i = list.indexOf(ob);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.livingNames.delete(n.livingName);
    }
    n.livingName = undefined;
  }

  /**
   * find_living/find_player: the first living object with that name (players
   * only when `playersOnly`); the one found moves to the front, as MudOS does.
   */
  findLiving(name: string, playersOnly: boolean): LpcObject | 0 {
    const list = this.livingNames.get(name);
    if (!list) return 0;
    let see: boolean | undefined;
    for (let i = 0; i < list.length; i++) {
      const ob = list[i];
      const n = nodeOf(ob);
      if (ob.destructed || !n.living) continue;
      if (playersOnly && !n.onceInteractive) continue;
      if (n.hidden && !(see ??= this.canSeeHidden())) continue;
      if (i > 0) {
        list.splice(i, 1);
        list.unshift(ob);
      }
      return ob;
    }
    return 0;
  }

  /** livings(): every living object, in creation order; hidden ones only for those who may see them. */
  livings(): LpcObject[] {
    let see: boolean | undefined;
    return this.rt.allObjects().filter((o) => {
      const n = peekNode(o);
      return !!n?.living && (!n.hidden || (see ??= this.canSeeHidden()));
    });
  }

  /** named_livings(): the living objects that also have a living name. */
  namedLivings(): LpcObject[] {
    return this.livings().filter((o) => peekNode(o)?.livingName !== undefined);
  }

  // -------------------------------------------------------------------------
  // Moving

  /**
   * Neolith move_object(): unlink from the old environment (dropping actions
   * between the mover and everything there), link first into `dest`, then run
   * init() in MudOS order. `dest` 0 takes the object out of the world.
   */
  move(item: LpcObject, dest: LpcObject | 0): void {
    const rt = this.rt;
    for (let o: LpcObject | 0 = dest; o; o = peekNode(o)?.env ?? 0) {
      if (o === item) rt.error("Can't move object inside itself.");
    }
    if (dest && dest.destructed) rt.error("Can't move to a destructed object.");
    // MudOS move_object(): shadows stay outside the world (see shadows.ts).
    if (shadowingOf(item)) rt.error("Can't move an object that is shadowing.");
    const node = nodeOf(item);
    if (node.env) this.detach(item, node);
    node.env = dest;
    if (!dest) return;
    nodeOf(dest).contents.push(item);
    this.runInits(item, dest);
  }

  private detach(item: LpcObject, node: InventoryNode): void {
    const env = node.env as LpcObject;
    const envNode = nodeOf(env);
    if (node.living) this.removeActions(env, item);
    if (envNode.living) this.removeActions(item, env);
    for (const o of [...envNode.contents]) {
      if (o === item) continue;
      if (peekNode(o)?.living) this.removeActions(item, o);
      if (node.living) this.removeActions(o, item);
    }
    const i = envNode.contents.indexOf(item);
    if (i >= 0) envNode.contents.splice(i, 1);
    node.env = 0;
  }

  private removeActions(definer: LpcObject, user: LpcObject): void {
    for (const h of this.removeActionsHooks) h(definer, user);
  }

  /** init() with this_player() set to the living party; restores this_player() afterwards. */
  private init(target: LpcObject, player: LpcObject): void {
    const rt = this.rt;
    const saved = rt.tp;
    rt.tp = player;
    try {
      applyShadowed(rt, target, 'init', []);
    } finally {
      rt.tp = saved;
    }
  }

  private runInits(item: LpcObject, dest: LpcObject): void {
    const itemNode = nodeOf(item);
    const stillThere = () => !dest.destructed && itemNode.env === dest;
    if (itemNode.living) {
      this.init(dest, item);
      if (!stillThere()) return;
    }
    // Walk the destination's contents newest first, as they were when the
    // walk started; init() may move or destruct things along the way.
    const others = this.contents(dest);
    for (const ob of others) {
      if (ob === item) continue;
      if (ob.destructed) this.rt.error('An object was destructed at call of init()');
      if (peekNode(ob)?.living) {
        this.init(item, ob);
        if (!stillThere()) return;
      }
      if (item.destructed) this.rt.error('The object to be moved was destructed at call of init()!');
      if (itemNode.living) {
        this.init(ob, item);
        if (!stillThere()) return;
      }
    }
    if (dest.destructed) this.rt.error('The destination to move to was destructed at call of init()!');
    if (peekNode(dest)?.living) this.init(item, dest);
  }

  // -------------------------------------------------------------------------
  // present()

  /**
   * MudOS object_present(): with `env` only env's contents are searched;
   * without it the current object's contents, then its environment itself
   * (by id()), then the environment's contents. "name 2" asks for the second.
   */
  present(what: Value, env: LpcObject | undefined): LpcObject | 0 {
    const rt = this.rt;
    const ob = env ?? (rt.cur || undefined);
    if (!ob || ob.destructed) return 0;
    if (typeof what !== 'string') {
      const target = what as LpcObject;
      if (target.destructed) return 0;
      const where = peekNode(target)?.env ?? 0;
      if (env) return where === ob ? target : 0;
      const around = peekNode(ob)?.env ?? 0;
      return where === ob || (around !== 0 && where === around) ? target : 0;
    }
    const found = this.presentIn(what, ob);
    if (found || env) return found;
    const around = peekNode(ob)?.env;
    if (!around) return 0;
    const r = applyShadowed(rt, around, 'id', [what]);
    if (around.destructed) return 0;
    if (r !== undefined && truthy(r)) return around;
    return this.presentIn(what, around);
  }

  private presentIn(str: string, where: LpcObject): LpcObject | 0 {
    let name = str;
    let count = 0;
    const m = /^(.*) (\d+)$/s.exec(str);
    if (m && m[1].length) {
      name = m[1];
      count = parseInt(m[2], 10) - 1;
    }
    for (const ob of this.contents(where)) {
      if (ob.destructed) continue;
      const r = applyShadowed(this.rt, ob, 'id', [name]);
      if (ob.destructed) return 0;
      if (r === undefined || !truthy(r)) continue;
      if (count-- > 0) continue;
      return ob;
    }
    return 0;
  }

  // -------------------------------------------------------------------------
  // Destruct

  /**
   * MudOS destruct_object(): each object inside gets move_or_destruct(dest),
   * dest being the destructed object's environment (0 when it has none or it
   * is gone); whatever is still inside afterwards is destructed.
   */
  private evict(ob: LpcObject): void {
    const n = peekNode(ob);
    if (!n) return;
    const rt = this.rt;
    while (n.contents.length && !ob.destructed) {
      const first = n.contents[n.contents.length - 1];
      const env = n.env && !n.env.destructed ? n.env : 0;
      applyShadowed(rt, first, 'move_or_destruct', [env]);
      if (ob.destructed) return;
      if (n.contents[n.contents.length - 1] === first) rt.destruct(first);
    }
  }

  /** After destruct: out of its environment (actions dropped), nameless, not living. */
  private unlink(ob: LpcObject): void {
    const n = peekNode(ob);
    if (!n) return;
    if (n.env) {
      const env = n.env;
      const envNode = nodeOf(env);
      if (envNode.living) this.removeActions(ob, env);
      for (const o of envNode.contents) if (o !== ob && peekNode(o)?.living) this.removeActions(ob, o);
      const i = envNode.contents.indexOf(ob);
      if (i >= 0) envNode.contents.splice(i, 1);
      n.env = 0;
    }
    for (const c of n.contents) {
      const cn = peekNode(c);
      if (cn && cn.env === ob) cn.env = 0;
    }
    n.contents.length = 0;
    this.removeLivingName(ob);
    n.living = false;
  }
}

const inventories = new WeakMap<Runtime, Inventory>();

/** The runtime's Inventory, created (and hooked into destruct) on first use. */
export function inventoryOf(rt: Runtime): Inventory {
  let inv = inventories.get(rt);
  if (!inv) inventories.set(rt, (inv = new Inventory(rt)));
  return inv;
}
