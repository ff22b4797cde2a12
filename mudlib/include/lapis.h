// Included into every file of the default mudlib (GlobalInclude).
#ifndef LAPIS_H
#define LAPIS_H

#define LOGIN_OB     "/std/login"
#define PLAYER_OB    "/std/player"
#define START_ROOM   "/domains/start/square"
#define VOID_ROOM    "/domains/start/void"
#define PLAYER_SAVE_DIR "/data/players/"

#endif
