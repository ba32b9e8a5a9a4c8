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

// Mouse: clicks, double clicks and the wheel (buttons 4 and 5, where ncurses reports them).
static inline void cnc_enable_mouse(void) {
  mmask_t mask = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED;
#ifdef BUTTON4_PRESSED
  mask |= BUTTON4_PRESSED;
#endif
#ifdef BUTTON5_PRESSED
  mask |= BUTTON5_PRESSED;
#endif
  mousemask(mask, NULL);
  mouseinterval(200);
}
// The next mouse event: *kind 1 click, 2 double click, 3 wheel up, 4 wheel down; 0 when none (or another button).
static inline int cnc_read_mouse(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *x = event.x;
  *y = event.y;
  if (event.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
  if (event.bstate & BUTTON1_CLICKED) return 1;
#ifdef BUTTON4_PRESSED
  if (event.bstate & BUTTON4_PRESSED) return 3;
#endif
#ifdef BUTTON5_PRESSED
  if (event.bstate & BUTTON5_PRESSED) return 4;
#endif
  return 0;
}

#endif
