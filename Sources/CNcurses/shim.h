#ifndef TRAINTOP_CNCURSES_SHIM_H
#define TRAINTOP_CNCURSES_SHIM_H

// Must come before <ncurses.h>: exposes the wide-char API
// (cchar_t, get_wch, add_wch, mvaddwstr, setcchar, ...).
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Swift does not import function-like macros nor (under Swift 6 strict
// concurrency) allow touching mutable C globals. Wrap them in static
// inline functions; Swift imports those as ordinary functions.
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
// newterm on the process's stdout/stdin (C globals Swift 6 cannot touch): returns NULL on a bad TERM instead of exiting.
static inline SCREEN *cnc_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline attr_t cnc_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t cnc_a_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t cnc_a_dim(void) { return (attr_t)A_DIM; }
static inline void cnc_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }

#endif
