import Training

/// `c`'s list over the dashboard: earlier runs of this dataset, newest first, `●` beside those drawn;
/// ↑/↓ choose, Enter draws or removes the highlighted one, Esc closes.
public enum ComparePickerOverlay {
  /// Draws the list centred on `screen`, clearing what is under it.
  public static func draw(_ picker: ComparePicker, into screen: inout Screen) {
    let width = min(screen.width - 4, max(68, (picker.choices.map(\.line.count).max() ?? 0) + 6))
    let rows = max(1, picker.choices.count)
    let height = min(screen.height - 4, rows + 2)
    guard width >= 20, height >= 3 else { return }
    let inside = screen.dialog(
      width: width, height: height, name: "Compare with", hint: "↑/↓ choose · enter draws/removes · esc closes"
    ).inset(by: 1)
    guard !picker.choices.isEmpty else {
      screen.put("no other runs of this dataset in the runs folder", x: inside.x, y: inside.y, style: Palette.secondary)
      return
    }
    // Scroll so the highlighted row stays in view.
    let first = max(0, min(picker.selection - inside.height + 1, picker.choices.count - inside.height))
    for (row, index) in (first..<min(picker.choices.count, first + inside.height)).enumerated() {
      let choice = picker.choices[index]
      let text = (choice.isShown ? "● " : "  ") + choice.line
      let style: Style = index == picker.selection ? Style(reverse: true) : (choice.isShown ? Palette.ghost : .plain)
      screen.put(text, x: inside.x, y: inside.y + row, style: style, maxWidth: inside.width)
    }
  }
}
