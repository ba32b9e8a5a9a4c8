import Foundation
import TestSupport
import Testing

/// A folder of colour IDX images (`N × 8 × 8 × 3`, channels last) trains with the default convnet.
@Suite struct ColourImagesEndToEndTests {
  /// An IDX file: magic (unsigned bytes), big-endian dimensions, then the values.
  static func idx(_ dimensions: [Int], _ values: [UInt8]) -> Data {
    var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
    for d in dimensions { bytes += [24, 16, 8, 0].map { UInt8((d >> $0) & 0xFF) } }
    return Data(bytes + values)
  }

  /// `count` 8×8 images whose class is the channel of a bright 3×3 square placed at random; the
  /// other channels hold the same square dimmer, and every value has noise.
  static func images(count: Int, seed: UInt64) -> (pixels: [UInt8], labels: [UInt8]) {
    var state = seed
    func draw(_ bound: Int) -> Int {  // xorshift64: enough for test data
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(bound))
    }
    var pixels: [UInt8] = []
    var labels: [UInt8] = []
    for _ in 0..<count {
      let label = draw(3)
      let (top, left) = (draw(6), draw(6))
      for y in 0..<8 {
        for x in 0..<8 {
          let inside = (top..<(top + 3)).contains(y) && (left..<(left + 3)).contains(x)
          for channel in 0..<3 {
            let level = inside ? (channel == label ? 200 : 90) : 20
            pixels.append(UInt8(level + draw(40)))
          }
        }
      }
      labels.append(UInt8(label))
    }
    return (pixels, labels)
  }

  @Test func colourImagesTrainWithTheDefaultConvnet() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = dir.appendingPathComponent("squares")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let train = Self.images(count: 600, seed: 1)
    let test = Self.images(count: 150, seed: 2)
    try Self.idx([600, 8, 8, 3], train.pixels).write(to: folder.appendingPathComponent("train-images-idx3-ubyte"))
    try Self.idx([600], train.labels).write(to: folder.appendingPathComponent("train-labels-idx1-ubyte"))
    try Self.idx([150, 8, 8, 3], test.pixels).write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte"))
    try Self.idx([150], test.labels).write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte"))
    let result = try runHeadless(
      ["train", folder.path, "--epochs", "8", "--seed", "3", "--name", "colour", "--runs-dir", "runs"], in: dir)
    #expect(result.status == 0, "\(result.standardError)")
    // The default model for images is cnn-small; its first convolution reads the 3 channels.
    #expect(result.standardOutput.contains("3x8x8"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("conv16k3p1-relu-maxpool2"), "\(result.standardOutput)")
    let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("runs").path)
    let run = try #require(runs.first { $0.hasSuffix("colour") })
    struct Results: Decodable { let testMetrics: [String: Double] }
    let results = try JSONDecoder().decode(
      Results.self, from: Data(contentsOf: dir.appendingPathComponent("runs/\(run)/results.json")))
    let accuracy = try #require(results.testMetrics["test_accuracy"])
    #expect(accuracy > 0.95, "test accuracy \(accuracy)")
  }
}
