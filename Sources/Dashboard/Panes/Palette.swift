/// The dashboard's colours, in one place.
public enum Palette {
  /// Box borders.
  public static let border = Style(.gray)
  /// The focused pane's border.
  public static let focus = Style(.cyan, bold: true)
  /// Pane names in titles.
  public static let paneName = Style(bold: true)
  /// Secondary text: units, separators, axis labels.
  public static let secondary = Style(.gray)
  /// The raw (unsmoothed) step loss.
  public static let raw = Style(.gray, dim: true)
  /// The smoothed step loss and the gradient norm.
  public static let step = Style(.cyan)
  /// Per-epoch training values.
  public static let train = Style(.blue, bold: true)
  /// Per-epoch validation values.
  public static let validation = Style(.magenta, bold: true)
  /// The learning-rate history.
  public static let learningRate = Style(.green)
  /// The schedule's upcoming rates.
  public static let upcoming = Style(.gray, dim: true)
  /// Learning-rate change markers.
  public static let change = Style(.yellow, bold: true)
  /// The gradient-norm line.
  public static let gradient = Style(.yellow)
  /// The gradient norm's min–max span.
  public static let span = Style(.gray, dim: true)
  /// The clip threshold.
  public static let clip = Style(.red)
  public static let error = Style(.red, bold: true)
  public static let running = Style(.green, bold: true)
  public static let paused = Style(.yellow, bold: true)
  public static let stopped = Style(.red, bold: true)
  public static let starting = Style(.cyan, bold: true)
  /// Health alerts: the header's badge and their events.
  public static let alert = Style(.yellow, bold: true)
  /// A right prediction (samples, the confusion matrix's diagonal).
  public static let correct = Style(.green)
  /// A wrong prediction.
  public static let mistake = Style(.red, bold: true)
  /// Positive weights in the filters pane.
  public static let positive = Style(.green)
  /// Negative weights in the filters pane.
  public static let negative = Style(.red)
  /// Another run's lines (`--compare`), under the live ones.
  public static let ghost = Style(.white, dim: true)
  /// One dim colour per compared run (`--compare`, `c`, forks, `traintop view A B`), in order, so
  /// runs drawn together can be told apart; the header names each in its colour.
  public static let ghosts = [ghost, Style(.yellow, dim: true), Style(.red, dim: true), Style(.green, dim: true)]

  /// The colour of the `index`th compared run (they repeat after four).
  public static func ghost(_ index: Int) -> Style { ghosts[index % ghosts.count] }
  /// Progress and per-layer bars.
  public static let bar = Style(.blue)
}
