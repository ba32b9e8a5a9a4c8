import CNcurses
import Dashboard

/// Turns ncurses input (wide characters and function-key codes) into `Key`s.
enum KeyDecoder {
  /// A function key from `wget_wch`'s KEY_CODE_YES branch.
  static func decode(functionKey code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BTAB: return .backTab
    case KEY_RESIZE: return .resize
    default: return nil
    }
  }

  /// A character from `wget_wch`'s OK branch.
  static func decode(character code: UInt32) -> Key? {
    switch code {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 8, 127: return .backspace
    case 3: return .ctrlC
    default:
      guard code >= 32, let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }
}
