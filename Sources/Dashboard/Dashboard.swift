import Training

/// The dashboard's pure rendering layer (no ncurses); see Screen, panes and KeyMap.
public enum Dashboard {
  /// The minimum terminal size the dashboard lays out in.
  public static let minimumSize = (width: 60, height: 16)
}
