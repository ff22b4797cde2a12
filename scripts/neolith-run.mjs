// Runs an LPC file on a Neolith binary for the comparison scripts
// (neolith-oracle.mjs, neolith-fuzz.mjs): the file's directory becomes the
// mudlib, a master whose logon() loads the file is added, and Neolith runs it
// in console mode (`neolith -c master.c`) so that write() reaches the console
// user. Objects the master loads get the backbone uid and so take the
// master's euid, which lets them load others.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MASTER_FILE = '__neolith_master.c';

/** Neolith's console output for loading `/<name>.c` from `dir` (CR LF as LF, its log lines dropped). */
export function runOnNeolith(neolith, dir, name) {
  writeFileSync(join(dir, MASTER_FILE), `void create() { seteuid(getuid()); }
string creator_file(string file) { return "Backbone"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return 1; }
int valid_read(string file, mixed user, string fn) { return 1; }
int valid_write(string file, mixed user, string fn) { return 1; }
object connect(int port) { return this_object(); }
void logon() {
  string err = catch(load_object("/${name}"));
  if (err) write("LOAD ERROR: " + err);
  shutdown(0);
}
`);
  let out;
  try {
    out = execFileSync(neolith, ['-c', join(dir, MASTER_FILE)], {
      input: '', timeout: 60_000, encoding: 'latin1', stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch (e) {
    out = `RUN FAILED ${e.stdout ?? ''}`;
  }
  const text = Buffer.from(out, 'latin1').toString('utf8');
  return text.split('\n').filter((l) => !l.startsWith('["WARN"')).join('\n').replace(/\r/g, '');
}
