import Foundation
import Training

/// A run's `steps.jsonl` as columns (one entry per logged step, in step order), filled as the file
/// grows: only complete lines are read, and a line that is not a step object is skipped.
struct StepLog {
  var step: [Int] = []
  var epoch: [Int] = []
  var loss: [Double] = []
  var learningRate: [Double] = []
  var gradientNorm: [Double] = []
  var layerNorms: [[Double]] = []
  var samplesPerSecond: [Double] = []
  /// The last logged step of each epoch (1-based).
  var epochEnd: [Int: Int] = [:]
  /// Lines that were not step objects.
  var skipped = 0

  var count: Int { step.count }

  /// The largest step or epoch number taken from the file (a damaged line beyond it is skipped, so
  /// arithmetic on steps never overflows).
  static let largest = 1 << 48

  /// Adds one line of steps.jsonl (non-finite numbers were written as `null`, read back as NaN).
  mutating func add(line: Substring) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let s = object["step"] as? Int, let e = object["epoch"] as? Int, s >= (step.last ?? -1),
      s <= Self.largest, e >= 0, e <= Self.largest
    else {
      skipped += 1
      return
    }
    func number(_ key: String) -> Double { (object[key] as? Double) ?? .nan }
    step.append(s)
    epoch.append(e)
    loss.append(number("loss"))
    learningRate.append(number("lr"))
    gradientNorm.append(number("grad_norm"))
    layerNorms.append((object["layer_grad_norms"] as? [Any])?.map { ($0 as? Double) ?? .nan } ?? [])
    samplesPerSecond.append(number("samples_per_sec"))
    epochEnd[e] = s
  }

  /// The first `count` steps as chart history (loss, rate and gradient norm by step, downsampled
  /// as the live trainer's).
  func history(count: Int) -> History {
    var history = History()
    for i in 0..<min(count, step.count) {
      history.record(loss[i], at: step[i], in: .trainLoss)
      history.record(learningRate[i], at: step[i], in: .learningRate)
      history.record(gradientNorm[i], at: step[i], in: .gradientNorm)
    }
    return history
  }

  /// The index of the last logged step at or before `target`, nil when none is.
  func lastIndex(atOrBefore target: Int) -> Int? {
    var low = 0
    var high = step.count
    while low < high {
      let middle = (low + high) / 2
      if step[middle] <= target { low = middle + 1 } else { high = middle }
    }
    return low > 0 ? low - 1 : nil
  }
}
