import Datasets
import Foundation
import Search
import Training

/// `trials.csv`: one row per trial — number, state, every searched parameter, objective, epochs,
/// seconds, reason — as pandas' `read_csv` reads it (fields with a comma or quote are quoted). A
/// trial is written when it starts (state `running`), so `--resume` knows what to run again.
enum TrialsFile {
  static let name = "trials.csv"

  /// The file's text for `trials` over the parameters `names`.
  static func text(_ trials: [Trial], names: [String]) -> String {
    let header = ["number", "state"] + names + ["objective", "epochs", "seconds", "reason"]
    let rows = trials.map { trial in
      ["\(trial.number)", trial.state.rawValue] + names.map { trial.parameters[$0]?.description ?? "" }
        + [
          trial.objective.map { ParameterValue.number($0).description } ?? "", "\(trial.epochs)",
          String(format: "%.2f", trial.seconds), trial.reason ?? "",
        ]
    }
    return ([header] + rows).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// The trials in `text`, their parameters read by `space`; a malformed row names its line.
  static func parse(_ text: String, space: SearchSpace, path: String) throws -> [Trial] {
    let records: [(line: Int, fields: [String])]
    do { records = try CSVParser.records(text, file: path) } catch { throw CLIError.data("\(error)") }
    guard let header = records.first?.fields else { return [] }
    let expected = ["number", "state"] + space.names + ["objective", "epochs", "seconds", "reason"]
    guard header == expected else {
      throw CLIError.data(
        "\(path):1: expected the columns \(expected.joined(separator: ",")), found \(header.joined(separator: ","))")
    }
    return try records.dropFirst().enumerated().map { offset, record in
      let row = record.fields
      let fail = { (what: String) in CLIError.data("\(path):\(record.line): \(what)") }
      guard row.count == header.count else { throw fail("expected \(header.count) fields, found \(row.count)") }
      guard let number = Int(row[0]), number == offset else { throw fail("expected trial number \(offset)") }
      guard let state = TrialState(rawValue: row[1]) else { throw fail("unknown state '\(row[1])'") }
      var trial = Trial(number: number, parameters: [:])
      for (index, parameter) in space.parameters.enumerated() {
        let text = row[2 + index]
        let value: ParameterValue =
          if case .range = parameter.distribution, let x = Double(text) { .number(x) } else {
            choice(text, in: parameter.distribution)
          }
        trial.parameters[parameter.name] = value
      }
      let tail = row.suffix(4).map { $0 }
      trial.state = state
      trial.objective = tail[0].isEmpty ? nil : Double(tail[0])
      guard let epochs = Int(tail[1]), epochs >= 0, epochs <= 10_000_000, let seconds = Double(tail[2]) else {
        throw fail("expected whole epochs and seconds")
      }
      trial.epochs = epochs
      trial.seconds = seconds
      trial.reason = tail[3].isEmpty ? nil : tail[3]
      return trial
    }
  }

  /// A choice read back from its text: the listed value it spells (a number choice as a number).
  static func choice(_ text: String, in distribution: Distribution) -> ParameterValue {
    guard case .choice(let values) = distribution else { return .text(text) }
    return values.first { $0.description == text } ?? .text(text)
  }

  /// A CSV field, quoted when it holds a comma, quote or line break.
  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
