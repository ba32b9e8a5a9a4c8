import Dashboard
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Samples this process's CPU use and resident memory for the header, from the UI thread (the
/// trainer never pays for it): CPU time from `getrusage`, memory from `/proc/self/statm` on Linux
/// (the peak resident size elsewhere).
struct ProcessSampler {
  /// Seconds between samples.
  let interval: Double
  private var lastWall: Double?
  private var lastCPU = 0.0

  init(interval: Double = 1) { self.interval = interval }

  /// A new sample when `interval` has passed since the last one (the first call only starts the clock).
  mutating func sample(now: Double = Date().timeIntervalSince1970) -> ProcessFigures? {
    guard let lastWall else {
      self.lastWall = now
      lastCPU = Self.cpuSeconds()
      return nil
    }
    let wall = now - lastWall
    guard wall >= interval else { return nil }  // the app asks every frame; getrusage only once a second
    let cpu = Self.cpuSeconds()
    defer {
      self.lastWall = now
      lastCPU = cpu
    }
    return ProcessFigures(cpuPercent: max(0, cpu - lastCPU) / wall * 100, residentBytes: Self.residentBytes())
  }

  /// `RUSAGE_SELF`, which Glibc imports as an enum case and Darwin as a number.
  #if canImport(Glibc)
    static let selfUsage = __rusage_who_t(RUSAGE_SELF.rawValue)
  #else
    static let selfUsage = RUSAGE_SELF
  #endif

  /// User plus system CPU seconds of every thread of the process so far.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    guard getrusage(Self.selfUsage, &usage) == 0 else { return 0 }
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// The resident set size in bytes: `/proc/self/statm`'s second field in pages on Linux, else the
  /// peak from `getrusage` (bytes on macOS).
  static func residentBytes() -> Int {
    if let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
      let fields = text.split(separator: " ")
      if fields.count > 1, let pages = Int(fields[1]) { return pages * Int(sysconf(Int32(_SC_PAGESIZE))) }
    }
    var usage = rusage()
    guard getrusage(Self.selfUsage, &usage) == 0 else { return 0 }
    #if canImport(Darwin)
      return Int(usage.ru_maxrss)
    #else
      return Int(usage.ru_maxrss) * 1024
    #endif
  }
}
