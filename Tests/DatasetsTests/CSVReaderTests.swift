import Datasets
import Foundation
import TestSupport
import Testing

/// Loads `text` as `name` in a temporary folder, all rows in the training split in file order, no scaling.
func loadCSV(
  _ text: String, name: String = "data.csv", classes: String? = nil,
  configure: (inout DatasetOptions) -> Void = { _ in }
) throws -> Dataset {
  let files = try TestFiles()
  defer { files.remove() }
  let url = try files.write(name, text: text)
  if let classes { try files.write("classes.txt", text: classes) }
  var options = DatasetOptions(
    source: .csv(path: url.path), scaling: .none, split: SplitFractions(train: 1, validation: 0, test: 0))
  configure(&options)
  return try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
}

/// Every training row, in split order: inputs and labels.
func allRows(_ split: DataSplit) -> Batch {
  var batch = Batch()
  split.fill(&batch, indices: Array(0..<split.count)[...])
  return batch
}

@Suite struct CSVReaderTests {
  @Test func quotedFieldsWithDelimitersEscapesAndNewlines() throws {
    let text = "a,b,label\n\"1.5\",2,\"big, red\"\n3,\" 4 \",\"say \"\"hi\"\"\"\n5,6,\"two\nlines\"\n7,8,\"big, red\"\n"
    let dataset = try loadCSV(text)
    // String labels get ids in sorted order.
    #expect(dataset.classNames == ["big, red", "say \"hi\"", "two\nlines"])
    let batch = allRows(dataset.train)
    #expect(batch.inputs.storage == [1.5, 2, 3, 4, 5, 6, 7, 8])
    #expect(batch.labels == [0, 1, 2, 0])
  }

  @Test func lineNumbersCountLinesInsideQuotedFields() throws {
    let text = "a,b,label\n1,2,\"x\ny\"\n3,4\n"
    #expect {
      try loadCSV(text)
    } throws: { error in
      (error as? DatasetError)?.line == 4 && (error as? DatasetError)?.reason == "expected 3 fields, found 2"
    }
  }

  @Test func crlfLineEndsAndByteOrderMark() throws {
    let text = "\u{FEFF}x,y,label\r\n1,2,0\r\n3,4,1\r\n\r\n"
    let dataset = try loadCSV(text)
    #expect(dataset.featureNames == ["x", "y"])
    #expect(dataset.train.count == 2)
    let batch = allRows(dataset.train)
    #expect(batch.inputs.storage == [1, 2, 3, 4])
    #expect(batch.labels == [0, 1])
  }

  @Test func detectsSemicolonTabAndPipeDelimiters() throws {
    for delimiter in [";", "\t", "|"] {
      let text =
        ["x", "y", "label"].joined(separator: delimiter) + "\n"
        + ["1.25", "-2", "1"].joined(separator: delimiter) + "\n" + ["3", "4e1", "0"].joined(separator: delimiter)
        + "\n"
      let dataset = try loadCSV(text)
      #expect(dataset.featureCount == 2, "delimiter \(delimiter.debugDescription)")
      #expect(allRows(dataset.train).inputs.storage == [1.25, -2, 3, 40])
    }
  }

  @Test func explicitDelimiterOverridesDetection() throws {
    // Two semicolons would win detection; the comma is given.
    let text = "a;b,label\n1,0\n2,1\n"
    let dataset = try loadCSV(text) { $0.delimiter = .comma }
    #expect(dataset.featureNames == ["a;b"])
  }

  @Test func fileWithoutHeaderUsesTheLastColumnAsLabel() throws {
    let dataset = try loadCSV("1,2,1\n3,4,0\n5,6,2\n")
    #expect(dataset.featureNames == ["column_1", "column_2"])
    #expect(dataset.classNames == ["0", "1", "2"])
    #expect(allRows(dataset.train).labels == [1, 0, 2])
  }

  @Test func headerCanBeForced() throws {
    let dataset = try loadCSV("1,2,9\n3,4,0\n5,6,1\n") { $0.hasHeader = true }
    #expect(dataset.featureNames == ["1", "2"])
    #expect(dataset.train.count == 2)
  }

  @Test func labelColumnByDefaultNameByNameAndByIndex() throws {
    let text = "class,x,y\n1,10,20\n0,30,40\n"
    let byDefault = try loadCSV(text)
    #expect(byDefault.featureNames == ["x", "y"])
    #expect(allRows(byDefault.train).labels == [1, 0])
    let byName = try loadCSV(text) { $0.labelColumn = .name("X") }  // case-insensitive fallback
    #expect(byName.featureNames == ["class", "y"])
    #expect(byName.classNames.count == 31)  // integer labels 10 and 30: ids 0...30
    let byIndex = try loadCSV(text) { $0.labelColumn = .index(-1) }
    #expect(byIndex.featureNames == ["class", "x"])
    #expect(allRows(byIndex.train).labels == [20, 40])
  }

  @Test func classesFileNamesIntegerLabelsAndAcceptsNames() throws {
    let dataset = try loadCSV("f,label\n1,0\n2,cat\n3,1\n", classes: "cat\ndog\n")
    #expect(dataset.classNames == ["cat", "dog"])
    #expect(allRows(dataset.train).labels == [0, 0, 1])
  }

  @Test func integralFloatLabelsAreClassIds() throws {
    let dataset = try loadCSV("f,label\n1,1.0\n2,0.0\n")
    #expect(dataset.classNames == ["0", "1"])
    #expect(allRows(dataset.train).labels == [1, 0])
  }

  @Test func targetColumnMeansRegression() throws {
    let dataset = try loadCSV("a,b,target\n1,2,3.5\n4,5,-6\n")
    #expect(dataset.task == .regression(outputs: 1))
    let batch = allRows(dataset.train)
    #expect(batch.targets.storage == [3.5, -6])
    #expect(batch.targets.shape == [2, 1])
  }

  @Test func regressionCanBeAskedFor() throws {
    let dataset = try loadCSV("a,y\n1,2\n4,5\n") { $0.task = .regression }
    #expect(dataset.task == .regression(outputs: 1))
    #expect(dataset.train.targets == [2, 5])
  }

  @Test func classificationCanBeForcedOnATargetColumn() throws {
    let dataset = try loadCSV("a,target\n1,2\n4,0\n") { $0.task = .classification }
    #expect(dataset.classNames == ["0", "1", "2"])
  }

  @Test func imputeMeanFillsWithTheTrainingMean() throws {
    let text = "a,b,label\n1,,0\n3,x,1\n5,6,0\n,10,1\n"
    let dataset = try loadCSV(text) { $0.impute = .mean }
    // Column a: mean of 1, 3, 5 = 3; column b: mean of 6, 10 = 8.
    #expect(allRows(dataset.train).inputs.storage == [1, 8, 3, 8, 5, 6, 3, 10])
    #expect(dataset.preprocessing.statistics.mean == [3, 8])
  }

  @Test func imputeUsesTrainingRowsOnly() throws {
    // Row i holds the value i, except row 7 which is empty; 50/50 stratified split.
    var text = "a,label\n"
    for i in 0..<8 { text += "\(i == 7 ? "" : String(i)),\(i % 2)\n" }
    let dataset = try loadCSV(text) {
      $0.impute = .mean
      $0.split = SplitFractions(train: 0.5, validation: 0.5, test: 0)
    }
    let known = dataset.train.rows.filter { $0 != 7 }
    let mean = Double(known.reduce(0, +)) / Double(known.count)
    #expect(dataset.preprocessing.statistics.mean[0] == mean)
    let holder = dataset.train.rows.contains(7) ? dataset.train : dataset.validation
    let position = try #require(holder.rows.firstIndex(of: 7))
    var batch = Batch()
    holder.fill(&batch, indices: [position][...])
    #expect(batch.inputs.storage == [Float(mean)])
  }

  @Test func folderWithOneCSVReadsLikeTheFile() throws {
    let files = try TestFiles()
    defer { files.remove() }
    try files.write("flowers/flowers.csv", text: "x,label\n1,0\n2,1\n3,0\n4,1\n")
    try files.write("flowers/classes.txt", text: "red\nblue\n")
    let options = DatasetOptions(
      source: .path(files.url("flowers").path), split: SplitFractions(train: 1, validation: 0, test: 0))
    let dataset = try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
    #expect(dataset.name == "flowers")
    #expect(dataset.classNames == ["red", "blue"])
    #expect(dataset.train.classCounts == [2, 2])
  }

  @Test func gzippedCSVIsRead() throws {
    let files = try TestFiles()
    defer { files.remove() }
    let url = try files.write("t.csv.gz", bytes: TestFiles.gzip(Array("x,label\n1,0\n2,1\n".utf8)))
    let options = DatasetOptions(source: .csv(path: url.path), split: SplitFractions(train: 1, validation: 0, test: 0))
    let dataset = try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
    #expect(dataset.name == "t")
    #expect(dataset.train.count == 2)
  }

  @Test func optionsRoundTripThroughJSONAndDecodeWithDefaults() throws {
    var options = DatasetOptions("iris")
    options.labelColumn = .index(2)
    options.delimiter = .tab
    options.augmentation.noiseStandardDeviation = 0.1
    let data = try JSONEncoder().encode(options)
    #expect(try JSONDecoder().decode(DatasetOptions.self, from: data) == options)
    let partial = #"{"source": {"csv": {"path": "x.csv"}}, "labelColumn": "species", "seed": 7}"#
    let decoded = try JSONDecoder().decode(DatasetOptions.self, from: Data(partial.utf8))
    #expect(decoded.source == .csv(path: "x.csv"))
    #expect(decoded.labelColumn == .name("species"))
    #expect(decoded.seed == 7)
    #expect(decoded.split == .standard)
    #expect(decoded.validationFraction == 0.1)
  }
}
