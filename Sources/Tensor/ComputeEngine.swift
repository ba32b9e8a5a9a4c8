#if canImport(CCompute)
  import CCompute
#endif

/// The library that computes matrix products: oneDNN on Linux, Accelerate on macOS, and the
/// thread count they use.
public enum ComputeEngine {
  /// `oneDNN 2.6.3`, `Accelerate` or `naive`.
  public static let name: String = {
    #if canImport(Accelerate)
      return "Accelerate"
    #elseif canImport(CCompute)
      return "oneDNN " + String(cString: tt_compute_version())
    #else
      return "naive"
    #endif
  }()

  /// The instruction set its kernels use on this CPU (`avx2`, `avx512_core`; `ONEDNN_MAX_CPU_ISA`
  /// can lower it), or `native` where the library does not say.
  public static let isa: String = {
    #if !canImport(Accelerate) && canImport(CCompute)
      return String(cString: tt_compute_isa())
    #else
      return "native"
    #endif
  }()

  /// `oneDNN 2.6.3 avx2`.
  public static let summary = isa == "native" ? name : "\(name) \(isa)"

  /// The channel block of the layout oneDNN's convolution and pooling kernels are fastest with
  /// here: 16 with AVX-512 (nChw16c), 8 with AVX or AVX2 (nChw8c), 0 (plain NCHW) elsewhere.
  public static let preferredBlock: Int = {
    #if !canImport(Accelerate) && canImport(CCompute)
      if isa.hasPrefix("avx512") { return 16 }
      if isa.hasPrefix("avx") { return 8 }
    #endif
    return 0
  }()

  /// The layout for an activation of `channels` channels: the preferred block when it divides
  /// them, else plain (0).
  public static func channelBlock(for channels: Int) -> Int {
    preferredBlock > 0 && channels % preferredBlock == 0 ? preferredBlock : 0
  }

  /// The number of threads the calling thread's matrix products use (1 on backends without a
  /// setting). The setting is per thread: each trainer sets its own on its own thread.
  public static var threads: Int {
    #if !canImport(Accelerate) && canImport(CCompute)
      return Int(tt_compute_threads())
    #else
      return 1
    #endif
  }

  /// The most threads `setThreads` accepts.
  public static let maximumThreads = 256

  /// Sets the thread count of the calling thread's later products; one thread does not collapse
  /// when another process takes a core. Counts outside 1…`maximumThreads` are clamped (callers
  /// validate user input first).
  public static func setThreads(_ count: Int) {
    #if !canImport(Accelerate) && canImport(CCompute)
      _ = tt_compute_set_threads(Int32(min(max(count, 1), maximumThreads)))
    #endif
  }
}
