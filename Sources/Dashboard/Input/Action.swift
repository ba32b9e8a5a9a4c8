import Training

/// One change to the prompt line being edited.
public enum PromptEdit: Equatable, Sendable {
  /// Insert a character at the cursor.
  case insert(Character)
  /// Delete the character before the cursor.
  case deleteBackward
  /// Delete the character under the cursor.
  case deleteForward
  /// Move the cursor one character left.
  case moveLeft
  /// Move the cursor one character right.
  case moveRight
  /// Move the cursor to the start.
  case moveHome
  /// Move the cursor to the end.
  case moveEnd
  /// Show the previous (older) history entry.
  case historyPrevious
  /// Show the next (newer) history entry, or the line being typed.
  case historyNext
  /// Complete the command name (or optimizer/schedule name) at the cursor.
  case complete
}

/// What a key means: a change to the UI state or a request for the trainer or the app.
public enum Action: Equatable, Sendable {
  /// Send a command to the trainer.
  case trainer(TrainerCommand, CommandSource)
  /// `q` while training: ask for confirmation.
  case requestQuit
  /// `y` in the confirmation: stop training (`.stop(.manual)`) and leave.
  case confirmQuit
  /// Any other key in the confirmation: stay.
  case cancelQuit
  /// Leave now (training is not running).
  case quit
  /// Toggle the loss chart's log scale.
  case toggleLogScale
  /// Change the smoothing weight by a step (clamped to 0…0.99).
  case adjustSmoothing(Double)
  /// Switch the x axis between steps and epochs.
  case toggleXAxis
  /// Toggle the robust (5th–95th percentile) y range.
  case toggleRobustRange
  /// Focus the next pane.
  case focusNext
  /// Focus the previous pane.
  case focusPrevious
  /// Focus the nearest pane in a direction on the screen (h/j/k/l).
  case moveFocus(FocusDirection)
  /// Focus this pane (a click on it).
  case focusPane(PaneID)
  /// Zoom a chart's x range in (positive: show the newest half) or out (negative), by steps.
  case zoomX(PaneID, Int)
  /// Scroll the events pane this many events back (negative: forward; it stops at the newest).
  case scrollEvents(Int)
  /// Zoom the focused pane to full screen, or unzoom.
  case toggleZoom
  /// Switch the grid between the training curves and the validation pictures.
  case togglePage
  /// Move the LR finder overlay's choice of suggestion by this many places.
  case chooseSuggestion(Int)
  /// Show or hide the help overlay.
  case toggleHelp
  /// Open the `:` prompt.
  case openPrompt
  /// Close the prompt without running it.
  case closePrompt
  /// Run the prompt line.
  case submitPrompt
  /// Edit the prompt line.
  case editPrompt(PromptEdit)
  /// Show a message in the status line.
  case status(String)
  /// `traintop view`: move the time cursor by this many hundredths of the run.
  case moveCursor(Int)
  /// `traintop view`: put the time cursor here.
  case setCursor(ViewCursor)
  /// Focus the next live run (forks).
  case switchRun
  /// `c`: ask for the list of earlier runs to compare with.
  case openComparePicker
  /// Move the compare list's highlight.
  case moveComparePicker(Int)
  /// Draw or remove the highlighted run.
  case pickComparison
  /// Close the compare list.
  case closeComparePicker
}

/// What the app loop must do after a key: send a command to the trainer, or leave.
public enum AppRequest: Equatable, Sendable {
  /// Send this command to the trainer.
  case send(TrainerCommand, CommandSource)
  /// Leave the UI loop (after sending any commands before it).
  case quit
  /// `:fork …`: copy the focused run and continue the copy with this change beside it.
  case fork(TrainerCommand)
  /// `:keep B`: keep the named run, stop the others.
  case keep(String)
  /// `w`: send commands to (and show) the next live run.
  case switchRun
  /// `c`: open the list of earlier runs of this dataset (`ui.comparePicker`).
  case listRuns
  /// Draw the run in this directory as ghost lines, or stop drawing it.
  case toggleComparison(String)
}
