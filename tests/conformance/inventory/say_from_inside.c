// say() from an object inside this_object() reaches this_object() when it
// listens (catch_tell), with no command giver around (MudOS simulate.c say():
// the origin's environment hears first; testsuite efuns/say.c).
void catch_tell(string str) { write("heard: " + str); }

void create() {
    object talker = new("/say_talker");
    talker->speak("before the move\n");
    talker->go(this_object());
    talker->speak("from inside\n");
    talker->speak("excluded\n", this_object());
}
