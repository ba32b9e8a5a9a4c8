import CNcurses
import Dashboard
import Testing

@testable import Terminal

@Suite struct KeyDecoderTests {
  @Test func functionKeysBecomeNamedKeys() {
    let cases: [(Int32, Key)] = [
      (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_ENTER, .enter),
      (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_HOME, .home), (KEY_END, .end),
      (KEY_BTAB, .backTab), (KEY_RESIZE, .resize),
    ]
    for (code, key) in cases { #expect(KeyDecoder.decode(functionKey: code) == key, "\(code)") }
    #expect(KeyDecoder.decode(functionKey: KEY_F0 + 5) == nil)  // F5: not bound
  }

  @Test func controlCharactersAndPrintableCharacters() {
    #expect(KeyDecoder.decode(character: 10) == .enter)
    #expect(KeyDecoder.decode(character: 13) == .enter)
    #expect(KeyDecoder.decode(character: 9) == .tab)
    #expect(KeyDecoder.decode(character: 27) == .escape)
    #expect(KeyDecoder.decode(character: 8) == .backspace)
    #expect(KeyDecoder.decode(character: 127) == .backspace)
    #expect(KeyDecoder.decode(character: 3) == .ctrlC)
    #expect(KeyDecoder.decode(character: 0x71) == .character("q"))
    #expect(KeyDecoder.decode(character: 0x3B2) == .character("β"))
    #expect(KeyDecoder.decode(character: 0x1F600) == .character("😀"))
  }

  @Test func otherControlCodesAndInvalidScalarsAreIgnored() {
    #expect(KeyDecoder.decode(character: 1) == nil)  // Ctrl-A
    #expect(KeyDecoder.decode(character: 31) == nil)
    #expect(KeyDecoder.decode(character: 0xD800) == nil)  // a lone surrogate is not a scalar
    #expect(KeyDecoder.decode(character: 0x110000) == nil)  // past Unicode
  }
}
