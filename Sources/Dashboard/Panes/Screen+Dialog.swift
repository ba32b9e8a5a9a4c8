extension Screen {
  /// Clears a `width`×`height` box centred on the screen and frames it as a dialog: the focus
  /// border, `name` then `hint` (the keys it takes) in its top edge. Returns the box.
  mutating func dialog(width: Int, height: Int, name: String, hint: String) -> Rect {
    let box = bounds.centered(width: width, height: height)
    fill(box)
    border(box, style: Palette.focus)
    title([Span(name, Palette.paneName), Span(" · " + hint, Palette.secondary)], on: box)
    return box
  }
}
