#if canImport(Accelerate)
  import Accelerate
#elseif canImport(CBLAS)
  import CBLAS
#endif

/// The BLAS backend compiled in, and its thread count.
public enum BLAS {
  /// The name of the backend: "OpenBLAS", "Accelerate" or "naive".
  public static let backend: String = {
    #if canImport(Accelerate)
      return "Accelerate"
    #elseif canImport(CBLAS)
      return "OpenBLAS"
    #else
      return "naive"
    #endif
  }()

  /// The number of threads BLAS may use (1 on backends without a setting).
  public static var threads: Int {
    #if !canImport(Accelerate) && canImport(CBLAS)
      return Int(openblas_get_num_threads())
    #else
      return 1
    #endif
  }

  /// Sets the number of BLAS threads; one thread does not collapse when another process takes a core.
  public static func setThreads(_ count: Int) {
    precondition(count >= 1, "BLAS thread count must be at least 1")
    #if !canImport(Accelerate) && canImport(CBLAS)
      openblas_set_num_threads(Int32(count))
    #endif
  }
}
