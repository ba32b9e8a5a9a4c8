import CNcurses
import Dashboard

/// ncurses set-up, key decoding, blitting a Screen, and restore on exit.
public enum TerminalPlaceholder {}
