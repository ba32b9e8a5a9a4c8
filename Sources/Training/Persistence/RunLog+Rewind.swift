import Foundation

extension RunLog {
  /// Makes the logs agree with a checkpoint before a resume appends to them: a run killed between
  /// its last checkpoint and its next one wrote epochs and steps that the resumed run will write
  /// again. Keeps metrics.csv rows up to epoch `epochs` and steps.jsonl lines up to step `step`
  /// (a half-written last line is dropped too), and removes temporary files that a killed atomic
  /// write left behind. Every rewrite is atomic.
  ///
  /// - Returns: how many metrics rows and step lines were dropped.
  @discardableResult
  public func rewind(toEpochs epochs: Int, step: Int) throws -> (epochs: Int, steps: Int) {
    removeStaleTemporaryFiles()
    let droppedEpochs = try keepLines(of: url(of: .metrics), header: true) { line in
      Int(line.prefix { $0 != "," }).map { $0 <= epochs } ?? false
    }
    let droppedSteps = try keepLines(of: url(of: .steps), header: false) { line in
      guard line.hasSuffix("}"), line.hasPrefix("{\"step\":") else { return false }
      return Int(line.dropFirst(8).prefix { $0 != "," }).map { $0 <= step } ?? false
    }
    try restartTensorBoard(afterStep: step)
    return (droppedEpochs, droppedSteps)
  }

  /// Rewrites `file` with only the lines `keep` accepts (and the header line); returns how many
  /// were dropped. A missing file is left missing.
  private func keepLines(of file: URL, header: Bool, keep: (Substring) -> Bool) throws -> Int {
    guard let data = FileManager.default.contents(atPath: file.path) else { return 0 }
    let text = String(decoding: data, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    var kept: [Substring] = []
    for (index, line) in lines.enumerated() where (header && index == 0) || keep(line) {
      kept.append(line)
    }
    let dropped = lines.count - kept.count
    guard dropped > 0 else { return 0 }
    let output = kept.map { $0 + "\n" }.joined()
    try AtomicFile.write(Data(output.utf8), to: file)
    return dropped
  }

  /// Deletes `.<name>.tmp-<uuid>` files of interrupted atomic writes in the run and checkpoint folders.
  private func removeStaleTemporaryFiles() {
    let folders = [directory, directory.appendingPathComponent("checkpoints")]
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      }
    }
  }
}
