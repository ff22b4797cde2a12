// parse_command() (MudOS v22 src/parse.c, doc/efuns/parse_command): word
// patterns over a list of objects named by the parse_command_*_list()
// applies. This program is the master (app mode), so its parse_command_*
// functions are the master's defaults: "thing" names every object, the
// prepositions and the all-word come from here. Two lines differ from MudOS
// on purpose (README.md): "wave magic wand at orc" (a name of two words made
// parse.c skip the next word) and "get stones" (parse.c made "stonves").
object room, sword, sword2, ball, box, wand, orc, knife, fly, stone;

string *parse_command_id_list() { return ({ "thing" }); }
string *parse_command_plural_id_list() { return ({ "things" }); }
string *parse_command_adjectiv_id_list() { return ({ "old" }); }
// The first preposition that matches wins, so "on top of" comes before "on".
string *parse_command_prepos_list() { return ({ "in", "on top of", "on", "at" }); }
string parse_command_all_word() { return "all"; }

object make(string name, string *ids, string *plurals, string *adjs) {
  object ob = new("/helper_pc_thing");
  ob->setup(name, ids, plurals, adjs);
  return ob;
}

string show(mixed v) {
  if (objectp(v)) return v->query_name();
  if (arrayp(v)) return "({ " + implode(map(v, (: show :)), ", ") + " })";
  if (stringp(v)) return "\"" + v + "\"";
  return sprintf("%O", v);
}

void try(string cmd, mixed env, string pattern) {
  mixed a, b, c;
  int r = parse_command(cmd, env, pattern, a, b, c);
  write(sprintf("%-28s %-30s %d %s %s %s\n", cmd, pattern, r, show(a), show(b), show(c)));
}

void create() {
  room = make("room", ({ "room" }), 0, 0);
  sword = make("sword", ({ "sword", "blade" }), 0, ({ "sharp" }));
  sword2 = make("sword2", ({ "sword" }), 0, ({ "rusty" }));
  ball = make("ball", ({ "ball" }), ({ "balls" }), ({ "red", "bouncy" }));
  box = make("box", ({ "box" }), 0, ({ "big wooden", "small" }));
  wand = make("wand", ({ "magic wand", "wand" }), 0, 0);
  knife = make("knife", ({ "knife" }), 0, 0);
  fly = make("fly", ({ "fly" }), 0, 0);
  stone = make("stone", ({ "stone" }), 0, 0);
  orc = make("orc", ({ "orc" }), 0, ({ "ugly" }));
  foreach (object ob in ({ sword, sword2, ball, box, wand, orc }))
    ob->move(room);
  orc->make_living("grunt");
  object *obs = ({ sword, sword2, ball, box, wand, orc });

  write("-- words, alternatives, optional words\n");
  try("get sword", obs, "'get' / 'take' %i");
  try("take the blade", obs, "'get' / 'take' [the] %i");
  try("look at box", obs, "'look' / 'l' [at] %o");
  try("get sword now", obs, "'get' %o");
  try("get unicorn", obs, "'get' %o");
  try("", obs, "'get' %o");

  write("-- numerals and plurals\n");
  try("get all", obs, "'get' %i");
  try("get all swords", obs, "'get' %i");
  try("get two swords", obs, "'get' %i");
  try("get second sword", obs, "'get' %i");
  try("get twentyfirst ball", obs, "'get' %i");
  try("get 3 balls", obs, "'get' %i");
  try("get things", ({ ball, orc }), "'get' %i");
  try("drop twelve coins", obs, "'drop' %d %s");
  try("drop 12 coins", obs, "'drop' %d %w");
  try("drop -2 coins", obs, "'drop' %d %w");

  write("-- adjectives\n");
  try("get red ball", obs, "'get' %i");
  try("get red bouncy ball", obs, "'get' %o");
  try("get old rusty sword", obs, "'get' %o");
  try("get blue ball", obs, "'get' %o");
  try("open big wooden box", obs, "'open' %o");
  try("open big box", obs, "'open' %o");

  write("-- %s, %w, %p\n");
  try("say hello there world", obs, "'say' %s");
  try("tell bob hi there", obs, "'tell' %w %s");
  try("give red ball to orc", obs, "'give' %s 'to' %o");
  try("put ball in box", obs, "'put' %o %p %o");
  try("put ball on top of box", obs, "'put' %o %p %o");
  try("put ball on box", obs, "'put' %o %p %o");
  try("wave magic wand at orc", obs, "'wave' %o 'at' %o");
  try("put ball under box", obs, "'put' %o %p %o");

  write("-- %l and environments\n");
  try("kill ugly orc", obs, "'kill' %l");
  try("kill grunt", ({ sword }), "'kill' %l");
  try("kill sword", obs, "'kill' %l");
  // Non-objects in the list are skipped (FluffOS testsuite crasher/living_parse_nonobject).
  try("kill all", ({ 0, "x", sword }), "'kill' %l");
  try("get sword", room, "'get' %i");
  try("get all", room, "'get' %i");

  write("-- made-up plurals\n");
  try("get knives", ({ knife }), "'get' %i");
  try("get flies", ({ fly }), "'get' %i");
  try("get stones", ({ stone }), "'get' %i");
  try("get boxes", ({ box }), "'get' %i");

  write("-- values stored before a failure\n");
  try("get sword from nowhere", obs, "'get' %o 'from' %o");

  write("-- argument checks (MudOS f_parse_command CHECK_TYPES)\n");
  mixed x;
  mixed bad = 1;
  write(replace_string(catch(parse_command(bad, obs, "%s", x)), "\n", "") + "\n");
  write(replace_string(catch(parse_command("a", bad, "%s", x)), "\n", "") + "\n");
  write(replace_string(catch(parse_command("a", obs, bad, x)), "\n", "") + "\n");
}
