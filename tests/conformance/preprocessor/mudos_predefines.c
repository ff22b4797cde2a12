// MudOS lex.c add_predefines(): MUDOS is defined (empty) and MUD_NAME is the
// quoted MudName from the config ("Lapis" by default); get_config(0)
// (__MUD_NAME__) reads the same value; out-of-range numbers are an error.
void create() {
#ifdef MUDOS
    write("MUDOS\n");
#endif
    write(MUD_NAME + "\n");
    write((get_config(0) == MUD_NAME) + "\n");
    write(catch(get_config(-1)));
    write(catch(get_config(39)));
    write(intp(get_config(15 + 8)) + "\n");
}
