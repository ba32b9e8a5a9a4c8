import Dashboard
import Foundation
import TestSupport
import Testing

@testable import traintop

/// `~/.config/traintop/config.toml`: the person's own settings, and what happens when the file is bad.
@Suite struct UserConfigTests {
  func file(_ text: String) throws -> String {
    let dir = try Fixtures.temporaryDirectory()
    let url = dir.appendingPathComponent("config.toml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func failure(_ text: String) throws -> String? {
    let path = try file(text)
    do {
      _ = try UserConfig(path: path)
      return nil
    } catch {
      return error.description.replacingOccurrences(of: path, with: "FILE")
    }
  }

  @Test func everySettingIsRead() throws {
    let config = try UserConfig(
      path: file(
        """
        # mine
        theme = "light"
        color = "never"
        mouse = false
        lr-factor = 2
        smoothing = 0.8
        page = "validation"
        focus = "events"
        x_axis = "epochs"
        log-scale = true
        key-pause = "P, space"
        key-log-scale = "l"
        """))
    #expect(config.theme == .light && config.color == .never && !config.mouse)
    #expect(config.learningRateFactor == 2 && config.smoothing == 0.8)
    #expect(config.page == .validation && config.focus == .events && config.xAxis == .epochs && config.logScale)
    #expect(config.keys[.pause] == [.character("P"), .character(" ")])
    // `l` now means log scale: focus-right keeps none of its keys, and the UI state says so.
    var ui = UIState()
    config.apply(to: &ui)
    #expect(ui.keyOverrides[.focusRight] == [])
    #expect(KeyBinding(.character("l"), ui: ui) == .logScale)
    #expect(KeyBinding(.character("p"), ui: ui) == nil)
    #expect(KeyBinding(.character("P"), ui: ui) == .pause)
    #expect(ui.learningRateFactor == 2 && ui.page == .validation && ui.focus == .events)
  }

  @Test func problemsNameTheFileAndLine() throws {
    #expect(
      try failure("theme = \"dark\"\ncolour = \"never\"")?.hasPrefix("FILE:2: key 'colour': unknown key;") == true)
    #expect(try failure("\n\ntheme = \"blue\"") == "FILE:3: key 'theme': expected dark, light, monochrome, got 'blue'")
    #expect(try failure("smoothing = 1.5") == "FILE:1: key 'smoothing': expected a number in [0, 0.99], got 1.5")
    #expect(try failure("mouse = \"no\"") == "FILE:1: key 'mouse': expected true or false")
    #expect(
      try failure("key-pause = \"x\"\nkey-quit = \"x\"") == "FILE:2: 'x' is bound to both pause and quit")
    #expect(try failure("key-pause = \"F13\"")?.hasPrefix("FILE:1: key 'key-pause': unknown key 'F13'") == true)
    #expect(try failure("theme = [1]")?.hasPrefix("FILE:1: key 'theme': arrays and tables are not supported") == true)
  }

  @Test func aBadFileMeansTheDefaultsAndASentence() throws {
    let dir = try Fixtures.temporaryDirectory()
    let folder = dir.appendingPathComponent("traintop")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "smoothing = 0.5\ntheme = 7\n".write(
      to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    let loaded = UserConfig.load(environment: ["XDG_CONFIG_HOME": dir.path])
    #expect(loaded.config == UserConfig())
    #expect(loaded.problem?.hasSuffix("; starting with the default settings") == true)
    #expect(loaded.problem?.contains("config.toml:2: key 'theme'") == true)
    // No file: the defaults, silently.
    let none = UserConfig.load(environment: ["XDG_CONFIG_HOME": dir.appendingPathComponent("nothing").path])
    #expect(none.config == UserConfig() && none.problem == nil)
  }

  @Test func theReadmeNamesEveryActionAKeyCanBeBoundTo() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    for binding in KeyBinding.allCases {
      #expect(text.contains("`\(binding.configName)`"), "README does not list key-\(binding.configName)")
    }
  }

  @Test func thePathFollowsXDGThenHome() {
    #expect(UserConfig.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/traintop/config.toml")
    #expect(UserConfig.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/traintop/config.toml")
    #expect(UserConfig.path(environment: [:]) == nil)
  }
}
