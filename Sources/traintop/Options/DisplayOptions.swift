import ArgumentParser
import Dashboard

/// `--color`, `--theme` and `--no-mouse`: declared once for every command that opens a dashboard
/// (`train`, `search`, `view`).
struct DisplayOptions: ParsableArguments {
  @Option(name: .customLong(OptionKey.color.name), help: .init(OptionKey.color.help))
  var color: ColorMode?
  @Option(name: .customLong(OptionKey.theme.name), help: .init(OptionKey.theme.help))
  var theme: Theme?
  @Flag(name: .customLong(OptionKey.noMouse.name), help: .init(OptionKey.noMouse.help))
  var noMouse = false

  /// The flags as given (a config file may still set them for `train` and `search`).
  var flags: DisplayFlags { DisplayFlags(colorMode: color, theme: theme, noMouse: noMouse) }
}
