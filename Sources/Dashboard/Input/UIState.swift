/// Everything the dashboard remembers between frames that is not training data.
///
/// Owned by the main thread; changed only through `apply(_:snapshot:)`.
public struct UIState: Sendable, Equatable {
  /// The pane with the highlighted border.
  public var focus: PaneID = .loss
  /// The pane shown full screen, if any.
  public var zoomed: PaneID?
  /// The grid's panes: training curves or validation pictures.
  public var page: DashboardPage = .training
  /// The LR finder overlay's chosen suggestion (0: valley).
  public var suggestionChoice = 0
  /// The loss chart uses a log10 y axis.
  public var logScale = false
  /// The EMA smoothing weight of the step loss (0 = raw, up to 0.99).
  public var smoothing = 0.6
  /// Whether charts count steps or epochs along x.
  public var xAxis: XAxisMode = .steps
  /// Fit y ranges to the 5th–95th percentile, ignoring spikes.
  public var robustRange = false
  /// The `:` prompt.
  public var prompt = PromptState()
  /// The help overlay is shown.
  public var showsHelp = false
  /// The quit confirmation is shown.
  public var confirmingQuit = false
  /// The factor `↑`/`↓` multiply or divide the learning rate by.
  public var learningRateFactor = 1.25
  /// Keys the user config binds, replacing each binding's defaults (empty: the defaults).
  public var keyOverrides: [KeyBinding: [Key]] = [:]
  /// The terminal's size in cells, as the app last drew it (the mouse needs the layout).
  public var screenWidth = 80
  public var screenHeight = 24
  /// Per chart pane, how far its x range is zoomed in: level n shows the newest 1/2ⁿ of it.
  public var xZoom: [PaneID: Int] = [:]
  /// How many events the events pane is scrolled back from the newest (0: following new ones).
  public var eventScroll = 0
  /// The process's CPU use and memory, sampled by the app loop about once a second (nil: not yet).
  public var process: ProcessFigures?
  /// The last status message (e.g. what the last key sent).
  public var statusMessage: String?
  /// `traintop view`'s time cursor; nil on a live run.
  public var cursor: ViewCursor?
  /// `c`'s list of earlier runs to compare with, while it is open.
  public var comparePicker: ComparePicker?

  /// The deepest x zoom (the newest 1/256 of a chart).
  public static let maximumXZoom = 8
  /// The events PgUp and PgDn scroll by.
  public static let eventPage = 5
  /// The smoothing change per `[` or `]`.
  public static let smoothingStep = 0.1
  /// The largest smoothing weight.
  public static let maximumSmoothing = 0.99

  /// The default state.
  public init() {}
}
