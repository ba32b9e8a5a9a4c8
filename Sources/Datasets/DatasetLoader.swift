import Foundation

/// Loads a dataset from `DatasetOptions`: reads the files, splits, imputes, fits preprocessing, oversamples.
public enum DatasetLoader {
  /// Loads the dataset described by `options`; built-in names are looked up in `datasetsDirectory`.
  ///
  /// Splits: the data's own test file when it has one (MNIST), with `validationFraction` of
  /// the training file carved out, stratified; otherwise a stratified `options.split`
  /// (70/15/15 by default). Imputation and preprocessing use training-split statistics only.
  ///
  /// CSV labels: integer labels are the class ids (names from a `classes.txt` beside the file,
  /// else "0"..."max"); other string labels get ids in sorted order, independent of row order.
  /// - Throws: `DatasetError` naming the file (and line and column) for anything wrong with the input.
  public static func load(_ options: DatasetOptions, datasetsDirectory: URL) throws -> Dataset {
    try options.validate()
    var raw = try read(options, datasetsDirectory: datasetsDirectory)
    if options.augmentation.needsImages, raw.imageShape == nil {
      throw DatasetError(
        "shift, rotation, zoom, flip, brightness and contrast augmentation need images, but \(raw.name) is "
          + "tabular; use noise only, or give an image shape for a CSV of images (--input-shape)")
    }
    let parts = splitRows(raw, options)
    if raw.missingCount > 0 { try imputeMeans(&raw, trainRows: parts.train) }
    return assemble(
      raw, trainRows: parts.train, validationRows: parts.validation, testBlock: raw.test ?? raw.train,
      testRows: parts.test, options: options)
  }

  /// Reads the source into a raw dataset.
  static func read(_ options: DatasetOptions, datasetsDirectory: URL) throws -> RawDataset {
    switch options.source {
    case .builtin(let builtin):
      var raw = try readPath(builtin.folder(in: datasetsDirectory), name: builtin.rawValue, options)
      raw.imageShape = raw.imageShape ?? builtin.imageShape
      return raw
    case .path(let path):
      let url = URL(fileURLWithPath: path)
      guard FileManager.default.fileExists(atPath: url.path) else {
        let names = BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")
        throw DatasetError(file: path, "no such file or folder (and not a built-in name: \(names))")
      }
      return try readPath(url, name: datasetName(url), options)
    case .csv(let path):
      let url = URL(fileURLWithPath: path)
      try FileReader.requireFile(url)
      return try CSVReader(url: url, options: options, name: datasetName(url)).read()
    case .idxFiles(let paths):
      let files = IDXReader.Files(
        trainImages: URL(fileURLWithPath: paths.trainImages), trainLabels: URL(fileURLWithPath: paths.trainLabels),
        testImages: paths.testImages.map(URL.init(fileURLWithPath:)),
        testLabels: paths.testLabels.map(URL.init(fileURLWithPath:)))
      guard (files.testImages == nil) == (files.testLabels == nil) else {
        throw DatasetError("give both test images and test labels, or neither")
      }
      for url in [files.trainImages, files.trainLabels] + [files.testImages, files.testLabels].compactMap({ $0 }) {
        try FileReader.requireFile(url)
      }
      return try IDXReader(files: files, name: datasetName(files.trainImages.deletingLastPathComponent())).read()
    }
  }

  /// A folder (IDX files, or a single CSV) or a CSV file.
  private static func readPath(_ url: URL, name: String, _ options: DatasetOptions) throws -> RawDataset {
    guard FileReader.isDirectory(url) else {
      try FileReader.requireFile(url)
      if url.lastPathComponent.lowercased().contains("idx") {
        throw DatasetError(
          file: url.path,
          "is a single IDX file; give the folder holding the train/test images and labels, or all four paths")
      }
      return try CSVReader(url: url, options: options, name: name).read()
    }
    if let files = try IDXReader.Files.find(in: url) {
      return try IDXReader(files: files, name: name).read()
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    let tables = names.filter { name in [".csv", ".tsv", ".csv.gz"].contains { name.lowercased().hasSuffix($0) } }
      .sorted()
    guard tables.count == 1, let table = tables.first else {
      throw DatasetError(
        file: url.path,
        tables.isEmpty
          ? "holds neither MNIST-style IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
            + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]) nor a .csv file"
          : "holds several CSV files (\(tables.joined(separator: ", "))); give the path of one")
    }
    return try CSVReader(url: url.appendingPathComponent(table), options: options, name: name).read()
  }

  /// The file or folder name without extensions.
  private static func datasetName(_ url: URL) -> String {
    var name = url.lastPathComponent
    for suffix in [".gz", ".csv", ".tsv"] where name.lowercased().hasSuffix(suffix) {
      name = String(name.dropLast(suffix.count))
    }
    return name.isEmpty ? "dataset" : name
  }

  /// Train, validation and test rows: own test file plus a carved validation share, or a 3-way stratified split.
  private static func splitRows(_ raw: RawDataset, _ options: DatasetOptions) -> (
    train: [Int], validation: [Int], test: [Int]
  ) {
    let strata = raw.train.strata
    if let test = raw.test {
      let fraction = options.validationFraction
      let parts = StratifiedSplit.split(labels: strata, fractions: [1 - fraction, fraction], seed: options.seed)
      return (parts[0], parts[1], Array(0..<test.count))
    }
    let split = options.split
    let parts = StratifiedSplit.split(
      labels: strata, fractions: [split.train, split.validation, split.test], seed: options.seed)
    return (parts[0], parts[1], parts[2])
  }

  /// Replaces NaN feature cells of both blocks with the feature's training mean.
  private static func imputeMeans(_ raw: inout RawDataset, trainRows: [Int]) throws {
    let statistics = FeatureStatistics(block: raw.train, rows: trainRows, divisor: 1)
    let means = statistics.mean.map { Float($0) }
    let empty = try columnsWithoutTrainingValues(raw, trainRows: trainRows)
    if let column = empty.first {
      throw DatasetError(
        file: raw.file, column: column + 1, columnName: raw.featureNames[column],
        "feature \(raw.featureNames[column]) has no numeric value in the training split, so it cannot be imputed")
    }
    raw.train.fillMissing(with: means)
    raw.test?.fillMissing(with: means)
  }

  /// Features with no non-NaN value in the training rows.
  private static func columnsWithoutTrainingValues(_ raw: RawDataset, trainRows: [Int]) throws -> [Int] {
    guard case .floats(let values) = raw.train.features else { return [] }
    let width = raw.train.featureCount
    return (0..<width).filter { j in trainRows.allSatisfy { values[$0 * width + j].isNaN } }
  }

  /// Builds the splits: preprocessing fitted on the training rows, then optional oversampling.
  static func assemble(
    _ raw: RawDataset, trainRows: [Int], validationRows: [Int], testBlock: SampleBlock, testRows: [Int],
    options: DatasetOptions
  ) -> Dataset {
    var isBytes = false
    if case .bytes = raw.train.features { isBytes = true }
    let scaling = options.scaling.resolved(isImage: isBytes)
    let preprocessing = Preprocessing(fitting: scaling, block: raw.train, rows: trainRows)
    let classCount = raw.task.isClassification ? raw.task.outputCount : 0
    let sampled =
      options.oversample
      ? ClassBalance.oversampled(rows: trainRows, labels: raw.train.labels, seed: options.seed) : trainRows
    return Dataset(
      name: raw.name, task: raw.task, featureCount: raw.train.featureCount, featureNames: raw.featureNames,
      imageShape: raw.imageShape,
      train: DataSplit(block: raw.train, rows: sampled, preprocessing: preprocessing, classCount: classCount),
      validation: DataSplit(
        block: raw.train, rows: validationRows, preprocessing: preprocessing, classCount: classCount),
      test: DataSplit(block: testBlock, rows: testRows, preprocessing: preprocessing, classCount: classCount),
      hasOwnTestSplit: raw.test != nil, options: options, baseTrainRows: trainRows)
  }
}

extension SampleBlock {
  /// Replaces every NaN feature with `values[feature]`.
  mutating func fillMissing(with values: [Float]) {
    guard case .floats(var features) = self.features else { return }
    self.features = .bytes([])  // drop the second reference so the array is mutated in place
    let width = featureCount
    features.withUnsafeMutableBufferPointer { p in
      for i in 0..<p.count where p[i].isNaN { p[i] = values[i % width] }
    }
    self.features = .floats(features)
  }
}
