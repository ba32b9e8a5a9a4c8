import Foundation

/// Paths to the project's test fixtures and shipped datasets, found from this source file.
public enum Fixtures {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // root

  /// The shipped `datasets/` folder.
  public static var datasets: URL { packageRoot.appendingPathComponent("datasets") }

  /// The PyTorch oracles copied from shared/oracles (see Tests/Fixtures/oracles/README.md).
  public static var oracles: URL { packageRoot.appendingPathComponent("Tests/Fixtures/oracles") }

  /// Loads and decodes an oracle JSON file (non-finite numbers are the strings "NaN", "Infinity", "-Infinity").
  public static func oracle<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let data = try Data(contentsOf: oracles.appendingPathComponent(name))
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try decoder.decode(T.self, from: data)
  }

  /// A fresh temporary directory, removed by the caller.
  public static func temporaryDirectory(_ prefix: String = "traintop-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
