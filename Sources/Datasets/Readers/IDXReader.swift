import Foundation

/// Reads MNIST-style IDX image and label files into a `RawDataset`, checking that they agree.
struct IDXReader {
  /// The files to read; without test files the data has no own test split.
  struct Files {
    var trainImages: URL
    var trainLabels: URL
    var testImages: URL?
    var testLabels: URL?
  }

  let files: Files
  /// The dataset's name.
  let name: String

  /// Reads and checks all files.
  func read() throws -> RawDataset {
    let classNames = try ClassNamesFile.read(in: files.trainLabels.deletingLastPathComponent())
    let (trainBlock, shape) = try block(images: files.trainImages, labels: files.trainLabels)
    var testBlock: SampleBlock?
    if let testImages = files.testImages, let testLabels = files.testLabels {
      let (block, testShape) = try block(images: testImages, labels: testLabels)
      guard block.featureCount == trainBlock.featureCount else {
        throw DatasetError(
          file: testImages.path,
          "holds samples of \(testShape.map(String.init).joined(separator: "x")) values, but the training images "
            + "(\(files.trainImages.path)) hold \(shape.map(String.init).joined(separator: "x"))")
      }
      testBlock = block
    }
    let names = try checkLabels(train: trainBlock, test: testBlock, classNames: classNames)
    return RawDataset(
      name: name, task: .classification(classNames: names), featureNames: featureNames(shape),
      imageShape: imageShape(shape), train: trainBlock, test: testBlock, file: files.trainImages.path)
  }

  /// One images file and its labels file as a block; also returns the per-sample dimensions.
  private func block(images: URL, labels: URL) throws -> (SampleBlock, [Int]) {
    let imageArray = try IDXArray(parsing: FileReader.decompressedBytes(at: images), file: images.path)
    let labelArray = try IDXArray(parsing: FileReader.decompressedBytes(at: labels), file: labels.path)
    guard imageArray.dimensions.count >= 2 else {
      throw DatasetError(
        file: images.path,
        "has \(imageArray.dimensions.count) dimension; expected at least 2 (samples, then the values of each)")
    }
    let count = imageArray.dimensions[0]
    if let empty = imageArray.dimensions.dropFirst().firstIndex(of: 0) {
      throw DatasetError(
        file: images.path,
        "dimension \(empty + 1) of \(imageArray.dimensions) is 0: each sample needs at least one value")
    }
    let labelValues = try integerLabels(labelArray, file: labels.path)
    guard labelValues.count == count else {
      throw DatasetError(
        file: labels.path,
        "has \(labelValues.count) labels, but \(images.path) has \(count) images; expected one label per image")
    }
    let dims = Array(imageArray.dimensions.dropFirst())
    let features: FeatureValues
    switch imageArray.values {
    case .bytes(let bytes): features = .bytes(Self.channelsFirst(bytes, dims))
    case .numbers(let numbers):
      features = .floats(Self.channelsFirst(try finiteFloats(numbers, file: images.path), dims))
    }
    let block = SampleBlock(
      features: features, featureCount: imageArray.sampleSize, labels: labelValues, targets: [], count: count)
    return (block, dims)
  }

  /// Labels: a 1-D (or `[n, 1]`) array of an integer type.
  private func integerLabels(_ array: IDXArray, file: String) throws -> [Int32] {
    let dims = array.dimensions
    guard dims.count == 1 || (dims.count == 2 && dims[1] == 1) else {
      throw DatasetError(
        file: file, "a labels file must be 1-dimensional (one label per sample); found dimensions \(dims)")
    }
    switch array.values {
    case .bytes(let bytes):
      return bytes.map { Int32($0) }
    case .numbers(let numbers):
      guard array.elementType.isInteger else {
        throw DatasetError(
          file: file, "holds \(array.elementType) values; labels must be an integer type (u8, i8, i16, i32)")
      }
      return numbers.map { Int32($0) }
    }
  }

  /// Float IDX values as Float32, rejecting NaN, infinities and values beyond Float's range.
  private func finiteFloats(_ numbers: [Double], file: String) throws -> [Float] {
    var result = [Float](repeating: 0, count: numbers.count)
    for (i, value) in numbers.enumerated() {
      let single = Float(value)
      guard single.isFinite else {
        throw DatasetError(file: file, "value \(value) at element \(i) (counting from 0) is not a finite Float32")
      }
      result[i] = single
    }
    return result
  }

  /// Class names: from classes.txt (labels must be below its count), else "0"..."max".
  private func checkLabels(train: SampleBlock, test: SampleBlock?, classNames: [String]?) throws -> [String] {
    let sources = [(train, files.trainLabels)] + (test.map { [($0, files.testLabels ?? files.trainLabels)] } ?? [])
    let top = sources.map { $0.0.labels.max() ?? 0 }.max() ?? 0
    guard Int(top) < DatasetLimits.maximumClasses else {
      throw DatasetError(
        file: files.trainLabels.path,
        "labels must be 0…K−1; '\(top)' would mean \(Int(top) + 1) classes (at most \(DatasetLimits.maximumClasses))")
    }
    let classCount = classNames?.count ?? Int(top) + 1
    let limitNote = classNames == nil ? "" : " (classes.txt lists \(classCount) classes)"
    for (block, url) in sources {
      if let bad = block.labels.firstIndex(where: { $0 < 0 || Int($0) >= classCount }) {
        throw DatasetError(
          file: url.path,
          "label \(block.labels[bad]) of sample \(bad) (counting from 0) is out of range: "
            + "expected 0...\(classCount - 1)\(limitNote)")
      }
    }
    guard classCount <= DatasetLimits.maximumClasses else {
      throw DatasetError(
        file: files.trainLabels.path, "classes.txt lists \(classCount) classes; at most \(DatasetLimits.maximumClasses)"
      )
    }
    return classNames ?? (0..<classCount).map(String.init)
  }

  /// Samples of `height × width × channels` (how files store colour images, channels last) as
  /// `ImageShape`s, whose values `channelsFirst` has put channels first.
  private func imageShape(_ dims: [Int]) -> ImageShape? {
    switch dims.count {
    case 2: return ImageShape(height: dims[0], width: dims[1])
    case 3: return ImageShape(height: dims[0], width: dims[1], channels: dims[2])
    default: return nil
    }
  }

  /// Each sample's values reordered from `height × width × channels` to `channels × height × width`
  /// (PyTorch's order, which convolutions read); other sample dimensions are returned as they are.
  /// The one copy is made while loading, never per batch.
  static func channelsFirst<Value>(_ values: [Value], _ dims: [Int]) -> [Value] {
    guard dims.count == 3, dims[2] > 1 else { return values }
    let (plane, channels) = (dims[0] * dims[1], dims[2])
    let size = plane * channels
    var result = values
    for sample in stride(from: 0, to: values.count - size + 1, by: size) {
      for pixel in 0..<plane {
        for channel in 0..<channels {
          result[sample + channel * plane + pixel] = values[sample + pixel * channels + channel]
        }
      }
    }
    return result
  }

  private func featureNames(_ dims: [Int]) -> [String] {
    if dims.count == 2 {
      return (0..<dims[0]).flatMap { row in (0..<dims[1]).map { "pixel_\(row)_\($0)" } }
    }
    return (0..<dims.reduce(1, *)).map { "feature_\($0)" }
  }
}

// MARK: - Finding the files in a folder

extension IDXReader.Files {
  /// The IDX files in `directory` (`train-images-idx3-ubyte[.gz]`, `train-images.idx3-ubyte`, `t10k-…`, `test-…`);
  /// nil when the folder holds no IDX file at all.
  static func find(in directory: URL) throws -> IDXReader.Files? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let candidates = names.filter { $0.lowercased().contains("idx") }.sorted()
    guard !candidates.isEmpty else { return nil }
    func pick(_ part: [String], _ kind: [String]) throws -> URL? {
      let matches = candidates.filter { name in
        let lower = name.lowercased()
        return part.contains { lower.contains($0) } && kind.contains { lower.contains($0) }
      }
      let stems = Set(matches.map { $0.hasSuffix(".gz") ? String($0.dropLast(3)) : $0 })
      guard stems.count <= 1 else {
        throw DatasetError(
          file: directory.path,
          "holds several candidate IDX files (\(matches.joined(separator: ", "))); pass the four file paths explicitly")
      }
      // Prefer the uncompressed file when both are present (same content, faster).
      return (matches.first { !$0.hasSuffix(".gz") } ?? matches.first).map { directory.appendingPathComponent($0) }
    }
    let images = ["images", "idx3"]
    let labels = ["labels", "idx1"]
    guard let trainImages = try pick(["train"], images), let trainLabels = try pick(["train"], labels) else {
      throw DatasetError(
        file: directory.path,
        "holds IDX files (\(candidates.joined(separator: ", "))) but not both train-images-idx3-ubyte[.gz] "
          + "and train-labels-idx1-ubyte[.gz]")
    }
    let testImages = try pick(["t10k", "test"], images)
    let testLabels = try pick(["t10k", "test"], labels)
    guard (testImages == nil) == (testLabels == nil) else {
      throw DatasetError(
        file: directory.path,
        "holds test \(testImages == nil ? "labels" : "images") but no test \(testImages == nil ? "images" : "labels") "
          + "(t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz] go together)")
    }
    return IDXReader.Files(
      trainImages: trainImages, trainLabels: trainLabels, testImages: testImages, testLabels: testLabels)
  }
}
