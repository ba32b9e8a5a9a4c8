import Datasets
import Foundation
import TestSupport
import Testing

/// The `DatasetError` thrown by `body`, or nil (recorded as a failure) when it does not throw one.
func datasetError(_ body: () throws -> Dataset, sourceLocation: SourceLocation = #_sourceLocation) -> DatasetError? {
  do {
    _ = try body()
    Issue.record("expected a DatasetError, but loading succeeded", sourceLocation: sourceLocation)
  } catch let error as DatasetError {
    return error
  } catch {
    Issue.record("expected a DatasetError, got \(error)", sourceLocation: sourceLocation)
  }
  return nil
}

@Suite struct BadIDXInputTests {
  /// Writes the tiny set into a fresh folder, lets `edit` break it, and returns the loading error.
  func loadError(gzip: Bool = false, _ edit: (TestFiles) throws -> Void) throws -> (DatasetError?, TestFiles) {
    let files = try TestFiles()
    try TinyIDX.write(to: files, folder: "tiny", gzip: gzip)
    try edit(files)
    return (datasetError { try loadIDX(.path(files.url("tiny").path)) }, files)
  }

  @Test func truncatedGzip() throws {
    let files = try TestFiles()
    defer { files.remove() }
    let original = try [UInt8](
      Data(contentsOf: Fixtures.datasets.appendingPathComponent("mnist/t10k-labels-idx1-ubyte.gz")))
    let path = try files.write("cut/train-labels-idx1-ubyte.gz", bytes: Array(original.prefix(2000))).path
    try files.write("cut/train-images-idx3-ubyte", bytes: TestFiles.idx(type: 8, dimensions: [1, 1, 1], payload: [0]))
    let error = datasetError { try loadIDX(.path(files.url("cut").path)) }
    let message = try #require(error?.description)
    #expect(message.hasPrefix("\(path): the gzip data is truncated (the stream ends after "))
    #expect(message.hasSuffix(" decompressed bytes without its end marker); download or copy the file again"))
  }

  @Test func corruptGzip() throws {
    let (error, files) = try loadError(gzip: true) { files in
      let url = files.url("tiny/train-labels-idx1-ubyte.gz")
      var bytes = try [UInt8](Data(contentsOf: url))
      bytes[bytes.count - 8] ^= 0xFF  // break the CRC-32 in the trailer
      try files.write("tiny/train-labels-idx1-ubyte.gz", bytes: bytes)
    }
    defer { files.remove() }
    let path = files.url("tiny/train-labels-idx1-ubyte.gz").path
    #expect(
      error?.description == "\(path): the gzip data is corrupt (incorrect data check); download or copy the file again")
  }

  @Test func wrongMagic() throws {
    let (error, files) = try loadError { files in
      try files.write("tiny/train-images-idx3-ubyte", text: "hello, this is not IDX")
    }
    defer { files.remove() }
    let path = files.url("tiny/train-images-idx3-ubyte").path
    #expect(
      error?.description
        == "\(path): is not an IDX file: wrong magic number 68 65 6c 6c; expected 00 00, a type code "
        + "(08 u8, 09 i8, 0b i16, 0c i32, 0d f32, 0e f64), then the number of dimensions")
  }

  @Test func imageAndLabelCountsDisagree() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/train-labels-idx1-ubyte", bytes: TestFiles.idx(type: 8, dimensions: [3], payload: [0, 1, 2]))
    }
    defer { files.remove() }
    let labels = files.url("tiny/train-labels-idx1-ubyte").path
    let images = files.url("tiny/train-images-idx3-ubyte").path
    #expect(error?.description == "\(labels): has 3 labels, but \(images) has 4 images; expected one label per image")
  }

  @Test func labelOutOfRangeOfClassesFile() throws {
    let (error, files) = try loadError { files in
      try files.write("tiny/classes.txt", text: "zero\none\n")
    }
    defer { files.remove() }
    let labels = files.url("tiny/train-labels-idx1-ubyte").path
    // Training labels are [2, 0, 1, 0]; classes.txt names only 2 classes.
    #expect(
      error?.description
        == "\(labels): label 2 of sample 0 (counting from 0) is out of range: expected 0...1 "
        + "(classes.txt lists 2 classes)"
    )
  }

  @Test func negativeLabel() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/t10k-labels-idx1-ubyte", bytes: TestFiles.idx(type: 9, dimensions: [2], payload: [1, 0xFF]))
    }
    defer { files.remove() }
    let labels = files.url("tiny/t10k-labels-idx1-ubyte").path
    #expect(error?.description == "\(labels): label -1 of sample 1 (counting from 0) is out of range: expected 0...2")
  }

  @Test func dataShorterThanTheHeaderSays() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/train-images-idx3-ubyte", bytes: TestFiles.idx(type: 8, dimensions: [4, 2, 3], payload: Array(0..<20)))
    }
    defer { files.remove() }
    let images = files.url("tiny/train-images-idx3-ubyte").path
    #expect(
      error?.description
        == "\(images): the data is shorter than the header says: a 4x2x3 array of uint8 needs 24 bytes "
        + "after the 16-byte header, found 20"
    )
  }

  /// Images of N×0×0 have no values to learn from: a clear error, not a model with no inputs.
  @Test func imagesWithAnEmptyDimensionAreRejected() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/train-images-idx3-ubyte", bytes: TestFiles.idx(type: 8, dimensions: [4, 0, 0], payload: []))
    }
    defer { files.remove() }
    let images = files.url("tiny/train-images-idx3-ubyte").path
    #expect(error?.description == "\(images): dimension 2 of [4, 0, 0] is 0: each sample needs at least one value")
  }

  @Test func hugeIDXLabelIsRefused() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/train-labels-idx1-ubyte",
        bytes: TestFiles.idx(
          type: 0x0C, dimensions: [4], payload: [0, 0, 0, 1, 0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2]))
    }
    defer { files.remove() }
    #expect(
      error?.description.contains("labels must be 0…K−1; '2147483647' would mean 2147483648 classes") == true,
      "\(error?.description ?? "no error")")
  }

  @Test func dataLongerThanTheHeaderSays() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/t10k-labels-idx1-ubyte", bytes: TestFiles.idx(type: 8, dimensions: [2], payload: [0, 1, 2]))
    }
    defer { files.remove() }
    let labels = files.url("tiny/t10k-labels-idx1-ubyte").path
    #expect(
      error?.description
        == "\(labels): the data is longer than the header says: a 2 array of uint8 needs 2 bytes after "
        + "the 8-byte header, found 3"
    )
  }

  @Test func floatLabelsAreRejected() throws {
    let (error, files) = try loadError { files in
      try files.write(
        "tiny/t10k-labels-idx1-ubyte",
        bytes: TestFiles.idx(type: 0x0D, dimensions: [2], payload: [UInt8](repeating: 0, count: 8)))
    }
    defer { files.remove() }
    let labels = files.url("tiny/t10k-labels-idx1-ubyte").path
    #expect(error?.description == "\(labels): holds float32 values; labels must be an integer type (u8, i8, i16, i32)")
  }

  @Test func testImagesWithoutTestLabels() throws {
    let (error, files) = try loadError { files in
      try FileManager.default.removeItem(at: files.url("tiny/t10k-labels-idx1-ubyte"))
    }
    defer { files.remove() }
    #expect(
      error?.description
        == "\(files.url("tiny").path): holds test images but no test labels "
        + "(t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz] go together)")
  }
}

@Suite struct BadCSVInputTests {
  /// Loads `text` as data.csv in a fresh folder and returns the error and the file's path.
  func loadError(_ text: String, configure: (inout DatasetOptions) -> Void = { _ in }) throws -> (DatasetError?, String)
  {
    let files = try TestFiles()
    defer { files.remove() }
    let path = files.url("data.csv").path
    let error = datasetError { try loadCSV(text, configure: configure) }
    return (error, error?.file ?? path)
  }

  /// A stray large label would mean a huge output layer and a K² confusion matrix: refused.
  @Test(arguments: ["99999", "9223372036854775807"])
  func hugeLabelsAreRefusedBeforeAnyAllocation(label: String) throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n3,1,\(label)\n4,5,1\n")
    #expect(
      error?.description.hasPrefix("\(file):3: column 3 (label): labels must be 0…K−1 or names; '\(label)' would mean ")
        == true, "\(error?.description ?? "no error")")
  }

  @Test func raggedRow() throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n3,1\n4,5,1\n")
    #expect(error?.description == "\(file):3: expected 3 fields, found 2")
    #expect(file.hasSuffix("/data.csv"))
    #expect(error?.line == 3)
  }

  @Test func nonNumericFeature() throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n3,abc,1\n")
    #expect(
      error?.description
        == "\(file):3: column 2 (b): expected a number, found \"abc\"; or set impute to mean to fill "
        + "such cells with the training mean"
    )
    #expect(error?.column == 2)
  }

  @Test func missingFeatureWithoutImpute() throws {
    let (error, file) = try loadError("1,2,0\n3,,1\n")
    #expect(
      error?.description
        == "\(file):2: column 2: missing value; expected a number; or set impute to mean to fill such "
        + "cells with the training mean"
    )
  }

  @Test(arguments: ["NaN", "inf", "-Infinity"])
  func nonFiniteFeature(value: String) throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n\(value),4,1\n")
    #expect(
      error?.description
        == "\(file):3: column 1 (a): expected a finite number, found \"\(value)\"; or set impute to mean "
        + "to fill such cells with the training mean"
    )
  }

  @Test(arguments: ["", "\n\n  \r\n", "\u{FEFF}"])
  func emptyFile(text: String) throws {
    let (error, file) = try loadError(text)
    #expect(
      error?.description == "\(file): the file is empty; expected an optional header row, then one row per sample")
  }

  @Test func onlyAHeader() throws {
    let (error, file) = try loadError("a,b,label\n")
    #expect(error?.description == "\(file): has only a header row (line 1) and no data rows")
  }

  @Test func labelColumnNotFound() throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n") { $0.labelColumn = .name("species") }
    #expect(error?.description == "\(file):1: label column 'species' not found; the columns are: a, b, label")
  }

  @Test func labelColumnIndexOutOfRange() throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n") { $0.labelColumn = .index(3) }
    #expect(
      error?.description
        == "\(file):1: label column index 3 is out of range: the file has 3 columns (0...2, or -1 for the last)")
  }

  @Test func labelNameWithoutHeader() throws {
    let (error, file) = try loadError("1,2,0\n") { $0.labelColumn = .name("label") }
    #expect(error?.description == "\(file):1: label column 'label' is given by name, but the file has no header row")
  }

  @Test func unterminatedQuote() throws {
    let (error, file) = try loadError("a,b,label\n1,2,0\n3,\"4,1\n5,6,0\n")
    #expect(
      error?.description
        == "\(file):3: column 2: quoted field is never closed; expected a closing \" before the end of the file")
  }

  @Test func textAfterClosingQuote() throws {
    let (error, file) = try loadError("a,b,label\n1,\"2\"x,0\n")
    #expect(
      error?.description
        == "\(file):2: column 2: unexpected text after a closing quote; expected the delimiter or the "
        + "end of the line (write a quote inside a quoted field as \"\")"
    )
  }

  @Test func singleColumn() throws {
    let (error, file) = try loadError("label\n1\n2\n")
    #expect(
      error?.description
        == "\(file):1: found 1 column; expected at least one feature column and a label column (is the "
        + "delimiter right? detected ',')"
    )
  }

  @Test func missingLabel() throws {
    let (error, file) = try loadError("a,label\n1,0\n2,\n")
    #expect(error?.description == "\(file):3: column 2 (label): missing label")
  }

  @Test func nonNumericRegressionTarget() throws {
    let (error, file) = try loadError("a,target\n1,2\n2,big\n")
    #expect(
      error?.description == "\(file):3: column 2 (target): expected a finite number as regression target, found \"big\""
    )
  }

  @Test func negativeIntegerLabel() throws {
    let (error, file) = try loadError("a,label\n1,0\n2,-1\n")
    #expect(error?.description == "\(file):3: column 2 (label): label -1 is negative; class ids must be 0 or more")
  }

  @Test func imputeCannotFillAColumnWithNoTrainingValue() throws {
    let (error, file) = try loadError("a,b,label\n1,,0\n2,,1\n") { $0.impute = .mean }
    #expect(
      error?.description
        == "\(file): column 2 (b): feature b has no numeric value in the training split, so it cannot be imputed")
  }
}

@Suite struct BadPathTests {
  @Test func missingFile() throws {
    let files = try TestFiles()
    defer { files.remove() }
    let path = files.url("nope.csv").path
    let error = datasetError {
      try DatasetLoader.load(DatasetOptions(source: .csv(path: path)), datasetsDirectory: Fixtures.datasets)
    }
    #expect(error?.description == "\(path): no such file")
  }

  @Test func missingPathIsNotABuiltin() throws {
    let error = datasetError { try DatasetLoader.load(DatasetOptions("mnistt"), datasetsDirectory: Fixtures.datasets) }
    #expect(
      error?.description
        == "mnistt: no such file or folder (and not a built-in name: mnist, iris, wine, digits, diabetes)")
  }

  @Test func directoryWhereAFileIsExpected() throws {
    let files = try TestFiles()
    defer { files.remove() }
    let csvError = datasetError {
      try DatasetLoader.load(
        DatasetOptions(source: .csv(path: files.directory.path)), datasetsDirectory: Fixtures.datasets)
    }
    #expect(csvError?.description == "\(files.directory.path): is a directory, but a file was expected here")
    try TinyIDX.write(to: files, folder: "tiny")
    let paths = IDXFilePaths(
      trainImages: files.url("tiny").path, trainLabels: files.url("tiny/train-labels-idx1-ubyte").path)
    let idxError = datasetError { try loadIDX(.idxFiles(paths)) }
    #expect(idxError?.description == "\(files.url("tiny").path): is a directory, but a file was expected here")
  }

  @Test func folderWithNoData() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try files.write("empty/notes.txt", text: "nothing here")
    let error = datasetError { try loadIDX(.path(files.url("empty").path)) }
    #expect(
      error?.description
        == "\(files.url("empty").path): holds neither MNIST-style IDX files (train-images-idx3-ubyte[.gz], "
        + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]) nor a .csv file")
  }

  @Test func badSplitFractions() throws {
    let options = DatasetOptions(source: .builtin(.iris), split: SplitFractions(train: 0.5, validation: 0.2, test: 0.2))
    let error = datasetError { try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets) }
    #expect(
      error?.description
        == "split fractions must be in [0, 1] with train > 0 and sum to 1; got train 0.5, validation 0.2, test 0.2")
  }

  @Test func geometricAugmentationOnTabularData() throws {
    let expected =
      "shift, rotation, zoom, flip, brightness and contrast augmentation need images, but iris is tabular; "
      + "use noise only, or give an image shape for a CSV of images (--input-shape)"
    for augmentation in [
      AugmentationOptions(shiftPixels: 2), AugmentationOptions(zoom: 0.1), AugmentationOptions(horizontalFlip: true),
      AugmentationOptions(brightness: 0.2), AugmentationOptions(contrast: 0.2),
    ] {
      let options = DatasetOptions(source: .builtin(.iris), augmentation: augmentation)
      let error = datasetError { try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets) }
      #expect(error?.description == expected)
    }
  }
}

@Suite struct BadPathHintTests {
  @Test func singleIDXFileGetsAHint() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try TinyIDX.write(to: files, folder: "tiny")
    let path = files.url("tiny/train-images-idx3-ubyte").path
    let error = datasetError { try loadIDX(.path(path)) }
    #expect(
      error?.description
        == "\(path): is a single IDX file; give the folder holding the train/test images and labels, or all four paths")
  }
}
