import Datasets
import Foundation
import TestSupport
import Testing

/// A tiny MNIST-style set: 4 training images 2x3 (u8), 2 test images, labels 0...2.
struct TinyIDX {
  static let trainPixels: [UInt8] = Array(0..<24)
  static let trainLabels: [UInt8] = [2, 0, 1, 0]
  static let testPixels: [UInt8] = Array(100..<112)
  static let testLabels: [UInt8] = [1, 2]

  /// Writes the four files into `folder` with names `train-images{sep}idx3-ubyte{ext}` etc.
  static func write(to files: TestFiles, folder: String, separator: String = "-", gzip: Bool = false) throws {
    let items: [(String, [UInt8])] = [
      ("train-images\(separator)idx3-ubyte", TestFiles.idx(type: 0x08, dimensions: [4, 2, 3], payload: trainPixels)),
      ("train-labels\(separator)idx1-ubyte", TestFiles.idx(type: 0x08, dimensions: [4], payload: trainLabels)),
      ("t10k-images\(separator)idx3-ubyte", TestFiles.idx(type: 0x08, dimensions: [2, 2, 3], payload: testPixels)),
      ("t10k-labels\(separator)idx1-ubyte", TestFiles.idx(type: 0x08, dimensions: [2], payload: testLabels)),
    ]
    for (name, bytes) in items {
      try files.write("\(folder)/\(name)\(gzip ? ".gz" : "")", bytes: gzip ? TestFiles.gzip(bytes) : bytes)
    }
  }
}

/// Loads `source` with no validation split and no scaling.
func loadIDX(_ source: DatasetSource) throws -> Dataset {
  let options = DatasetOptions(source: source, scaling: .none, validationFraction: 0)
  return try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
}

@Suite struct IDXReaderTests {
  @Test(arguments: [("-", false), ("-", true), (".", false), (".", true)])
  func folderWithStandardNames(separator: String, gzip: Bool) throws {
    let files = try TestFiles()
    defer { files.remove() }
    try TinyIDX.write(to: files, folder: "tiny", separator: separator, gzip: gzip)
    let dataset = try loadIDX(.path(files.url("tiny").path))
    #expect(dataset.name == "tiny")
    #expect(dataset.featureCount == 6)
    #expect(dataset.imageShape == ImageShape(height: 2, width: 3))
    #expect(dataset.train.count == 4)
    #expect(dataset.test.count == 2)
    #expect(dataset.classNames == ["0", "1", "2"])
    let train = allRows(dataset.train)
    #expect(train.labels == [2, 0, 1, 0])
    #expect(train.inputs.storage == TinyIDX.trainPixels.map { Float($0) / 255 })
    let test = allRows(dataset.test)
    #expect(test.labels == [1, 2])
    #expect(test.inputs.storage == TinyIDX.testPixels.map { Float($0) / 255 })
  }

  /// An IDX file of `N × H × W × C` bytes (colour, channels last) is read channels first.
  @Test func colourImagesAreReorderedChannelsFirst() throws {
    let files = try TestFiles()
    defer { files.remove() }
    // One 2×2 image of 3 channels, stored pixel by pixel: (r, g, b) = (10p, 10p + 1, 10p + 2).
    var pixels: [UInt8] = []
    for p in 0..<4 { pixels += [UInt8(10 * p), UInt8(10 * p + 1), UInt8(10 * p + 2)] }
    try files.write(
      "colour/train-images-idx3-ubyte",
      bytes: TestFiles.idx(type: 0x08, dimensions: [2, 2, 2, 3], payload: pixels + pixels))
    try files.write(
      "colour/train-labels-idx1-ubyte", bytes: TestFiles.idx(type: 0x08, dimensions: [2], payload: [0, 1]))
    let dataset = try loadIDX(.path(files.url("colour").path))
    #expect(dataset.imageShape == ImageShape(height: 2, width: 2, channels: 3))
    #expect(dataset.imageShape?.description == "3x2x2")
    let values: [Float] = Array(allRows(dataset.train).inputs.storage[0..<12])
    let first = values.map { (value: Float) -> Int in Int((value * 255).rounded()) }
    #expect(first == [0, 10, 20, 30, 1, 11, 21, 31, 2, 12, 22, 32])
  }

  @Test func explicitPathsWithoutTestFilesCarveATestSplit() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try TinyIDX.write(to: files, folder: "tiny")
    let paths = IDXFilePaths(
      trainImages: files.url("tiny/train-images-idx3-ubyte").path,
      trainLabels: files.url("tiny/train-labels-idx1-ubyte").path)
    let options = DatasetOptions(source: .idxFiles(paths), split: SplitFractions(train: 0.5, validation: 0, test: 0.5))
    let dataset = try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
    #expect(!dataset.hasOwnTestSplit)
    #expect(dataset.train.count + dataset.test.count == 4)
    // Class 0 has two samples: round(2 · 0.5) = 1 goes to test.
    #expect(dataset.test.classCounts[0] == 1)
  }

  @Test func explicitPathsWithTestFiles() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try TinyIDX.write(to: files, folder: "tiny", gzip: true)
    let paths = IDXFilePaths(
      trainImages: files.url("tiny/train-images-idx3-ubyte.gz").path,
      trainLabels: files.url("tiny/train-labels-idx1-ubyte.gz").path,
      testImages: files.url("tiny/t10k-images-idx3-ubyte.gz").path,
      testLabels: files.url("tiny/t10k-labels-idx1-ubyte.gz").path)
    let dataset = try loadIDX(.idxFiles(paths))
    #expect(dataset.hasOwnTestSplit)
    #expect(allRows(dataset.test).labels == [1, 2])
  }

  /// Big-endian encodings of the values 1, -2, 3 in each IDX element type.
  static let typedPayloads: [(UInt8, [UInt8])] = [
    (0x09, [0x01, 0xFE, 0x03]),
    (0x0B, [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x03]),
    (0x0C, [0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE, 0, 0, 0, 3]),
    (0x0D, [0x3F, 0x80, 0, 0, 0xC0, 0, 0, 0, 0x40, 0x40, 0, 0]),
    (0x0E, [0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x08, 0, 0, 0, 0, 0, 0]),
  ]

  @Test(arguments: typedPayloads.map(\.0))
  func everyElementTypeIsDecoded(type: UInt8) throws {
    let payload = try #require(Self.typedPayloads.first { $0.0 == type }).1
    let files = try TestFiles()
    defer { files.remove() }
    // Three samples of one value each; labels as i32.
    try files.write(
      "typed/train-images-idx3-ubyte", bytes: TestFiles.idx(type: type, dimensions: [3, 1, 1], payload: payload))
    try files.write(
      "typed/train-labels-idx1-ubyte",
      bytes: TestFiles.idx(type: 0x0C, dimensions: [3], payload: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]))
    let options = DatasetOptions(
      source: .path(files.url("typed").path), scaling: .none, split: SplitFractions(train: 1, validation: 0, test: 0))
    let dataset = try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
    let batch = allRows(dataset.train)
    // Non-u8 values are not divided by 255.
    #expect(batch.inputs.storage == [1, -2, 3])
    #expect(batch.labels == [1, 0, 1])
  }
}

@Suite struct GzipTests {
  @Test func concatenatedMembersAndTrailingPaddingAreRead() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try TinyIDX.write(to: files, folder: "tiny")
    let raw = TestFiles.idx(type: 0x08, dimensions: [4, 2, 3], payload: TinyIDX.trainPixels)
    // Two gzip members (as `cat a.gz b.gz` makes), then zero padding.
    let split = raw.count / 2
    let bytes = TestFiles.gzip(Array(raw[..<split])) + TestFiles.gzip(Array(raw[split...])) + [0, 0, 0, 0]
    try FileManager.default.removeItem(at: files.url("tiny/train-images-idx3-ubyte"))
    try files.write("tiny/train-images-idx3-ubyte.gz", bytes: bytes)
    let dataset = try loadIDX(.path(files.url("tiny").path))
    #expect(allRows(dataset.train).inputs.storage == TinyIDX.trainPixels.map { Float($0) / 255 })
  }

  @Test func implausibleDimensionsAreRejected() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try TinyIDX.write(to: files, folder: "tiny")
    let huge = TestFiles.idx(type: 0x08, dimensions: [0x7FFF_FFFF, 0x7FFF_FFFF, 0x7FFF_FFFF], payload: [])
    let path = try files.write("tiny/train-images-idx3-ubyte", bytes: huge).path
    let error = datasetError { try loadIDX(.path(files.url("tiny").path)) }
    #expect(
      error?.description == "\(path): the header gives implausible dimensions [2147483647, 2147483647, 2147483647]")
  }
}
