import Training

/// The process's own figures, as a system monitor shows them next to a run's speed: CPU use over
/// the last sample interval (100 % = one core busy) and resident memory.
public struct ProcessFigures: Sendable, Equatable {
  /// CPU time per wall time over the last interval, in percent (200 % = two cores busy).
  public var cpuPercent: Double
  /// Resident set size in bytes.
  public var residentBytes: Int

  public init(cpuPercent: Double, residentBytes: Int) {
    self.cpuPercent = cpuPercent
    self.residentBytes = residentBytes
  }

  /// `cpu 198% · 312 MB`.
  public var text: String {
    "cpu \(Format.fixed(cpuPercent, decimals: 0))% · \(Format.bytes(residentBytes))"
  }
}
