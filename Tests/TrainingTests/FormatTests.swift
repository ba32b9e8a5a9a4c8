import Testing
import Training

@Suite struct FormatTests {
  @Test func ratesHaveThreeSignificantDigitsAndAtLeastOneDecimal() {
    #expect(Format.rate(1e-3) == "1.0e-3")
    #expect(Format.rate(1.25e-3) == "1.25e-3")
    #expect(Format.rate(0.05) == "5.0e-2")
    #expect(Format.rate(3.16227766e-4) == "3.16e-4")
    #expect(Format.rate(9.996e-3) == "1.0e-2")
    #expect(Format.rate(0) == "0")
    #expect(Format.rate(.infinity) == "∞")
  }

  @Test func bytesUseBinaryUnitsWithThreeDigits() {
    #expect(Format.bytes(0) == "0 B")
    #expect(Format.bytes(999) == "999 B")
    #expect(Format.bytes(1000) == "0.977 kB")  // 1000 / 1024
    #expect(Format.bytes(327_155_712) == "312 MB")  // 312 × 1024²
    #expect(Format.bytes(1_342_177_280) == "1.25 GB")  // 1.25 × 1024³
    #expect(Format.bytes(-5) == "0 B")
  }

  @Test func fixedRoundsHalfAwayFromZeroWithoutNegativeZero() {
    #expect(Format.fixed(2.5, decimals: 0) == "3")
    #expect(Format.fixed(-1.25, decimals: 1) == "-1.3")
    #expect(Format.fixed(0.001, decimals: 2) == "0.00")
    #expect(Format.fixed(-0.001, decimals: 2) == "0.00")
    #expect(Format.fixed(3.14159, decimals: 3) == "3.142")
    #expect(Format.fixed(0.05, decimals: 4) == "0.0500")
    #expect(Format.fixed(.nan, decimals: 2) == "NaN")
    #expect(Format.fixed(-.infinity, decimals: 2) == "-∞")
  }

  @Test func scientificHasOneMantissaDecimalAndBareExponent() {
    #expect(Format.scientific(1e-3) == "1.0e-3")
    #expect(Format.scientific(5e-4) == "5.0e-4")
    #expect(Format.scientific(3e-4) == "3.0e-4")
    #expect(Format.scientific(0.000996) == "1.0e-3")  // the mantissa rounds to 10: renormalised
    #expect(Format.scientific(12345) == "1.2e4")
    #expect(Format.scientific(-2.5e-5) == "-2.5e-5")
    #expect(Format.scientific(0.1) == "1.0e-1")
    #expect(Format.scientific(0) == "0")
    #expect(Format.scientific(.infinity) == "∞")
  }

  @Test func compactUsesSuffixesSignificantDigitsAndScientificBelowAThousandth() {
    #expect(Format.compact(21_437) == "21.4k")
    #expect(Format.compact(0.08123) == "0.0812")
    #expect(Format.compact(2.3) == "2.3")
    #expect(Format.compact(0.00025) == "2.5e-4")
    #expect(Format.compact(1_250_000) == "1.25M")
    #expect(Format.compact(999_960) == "1M")  // 999.96k rounds to 1000k: next suffix
    #expect(Format.compact(123.4) == "123")
    #expect(Format.compact(0.6) == "0.6")
    #expect(Format.compact(-0.5) == "-0.5")
    #expect(Format.compact(0) == "0")
    #expect(Format.compact(5) == "5")
    #expect(Format.compact(2.345, significantDigits: 2) == "2.3")
    #expect(Format.compact(0.18333, significantDigits: 4) == "0.1833")
    #expect(Format.compact(.nan) == "NaN")
  }

  @Test func durationIsMinutesSecondsOrHoursMinutesSeconds() {
    #expect(Format.duration(41) == "0:41")
    #expect(Format.duration(3725) == "1:02:05")
    #expect(Format.duration(0) == "0:00")
    #expect(Format.duration(59.6) == "1:00")
    #expect(Format.duration(-5) == "0:00")
    #expect(Format.duration(.infinity) == "--:--")
    #expect(Format.percent(0.423) == "42%")
    #expect(Format.percent(1) == "100%")
  }
}
