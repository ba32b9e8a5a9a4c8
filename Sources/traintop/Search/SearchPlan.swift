import ArgumentParser
import Foundation
import Search
import Training

/// Everything `traintop search` needs, resolved and checked before anything is written; stored as
/// the search directory's `search.json`, which `--resume` reads back.
struct SearchPlan: Codable {
  /// One searched option, with its distribution spelt as `--vary` takes it.
  struct SpaceEntry: Codable, Equatable {
    var name: String
    var spec: String
  }

  var settings: SearchSettings
  var space: [SpaceEntry]
  /// The fixed part of every trial: each train option given on the command line or in a file.
  var fixed: [String: OptionValue]
  var name: String
  var runsDirectory: String
  var jsonl = false

  /// Options a trial never takes from the fixed part: the search places and shows its trials itself.
  static let searchOwned: Set<OptionKey> = [.resume, .folds, .headless, .jsonl, .name, .runsDir]

  /// Resolves the flags and files; any problem is a usage error (64) naming the key.
  init(search: SearchOptions, train: TrainOptions) throws {
    var settings = SearchSettings()
    var fileValues: [String: OptionValue] = [:]
    var entries: [SpaceEntry] = []
    // The --config file first, then the --space file over it, then the flags over both.
    for path in [train.config, search.space].compactMap({ $0 }) {
      let file = try SearchFile(path: path)
      for (key, value) in file.settings { try settings.set(key, value, origin: path) }
      fileValues.merge(file.options.values) { _, new in new }
      for entry in file.space {
        entries.removeAll { $0.name == entry.name }
        entries.append(entry)
      }
    }
    for key in SearchKey.allCases {
      if let value = search.given(key) { try settings.set(key, value, origin: "the command line") }
    }
    for text in search.vary {
      let (key, distribution): (OptionKey, Distribution)
      do { (key, distribution) = try SpaceParser.vary(text) } catch { throw CLIError.usage("--vary \(text): \(error)") }
      entries.removeAll { $0.name == key.name }
      entries.append(SpaceEntry(name: key.name, spec: SpaceParser.text(distribution)))
    }
    var fixed: [String: OptionValue] = [:]
    for key in OptionKey.allCases {
      if let value = train.given(key) ?? fileValues[key.name] { fixed[key.name] = value }
    }
    for entry in entries where fixed[entry.name] != nil {
      let onCommandLine = OptionKey(name: entry.name).flatMap { train.given($0) } != nil
      throw CLIError.usage(
        "\(entry.name) is given \(onCommandLine ? "on the command line" : "in a file") and searched: give one")
    }
    guard !entries.isEmpty else {
      throw CLIError.usage("nothing to search: give --vary NAME=… or a [space] table (--space FILE)")
    }
    let resolver = OptionResolver(
      commandLine: try TrainOptions.parse([]), config: ConfigFile(origin: "", values: fixed))
    settings.folds = try resolver.parsed(.folds, FoldCount.init(parsing:)).map(\.description)
    if settings.folds != nil {
      guard search.pruner == nil || search.pruner == PrunerKind.none else {
        throw CLIError.usage(
          "--pruner \(settings.pruner.rawValue) with --folds: a cross-validated trial is judged "
            + "on its folds' mean, not epoch by epoch; give --pruner none")
      }
      settings.pruner = .none
    }
    settings.seed = UInt64(try resolver.integer(.seed) ?? 42)
    self.settings = settings
    self.space = entries
    self.fixed = fixed.filter { OptionKey(name: $0.key).map { !Self.searchOwned.contains($0) } ?? false }
    name =
      try resolver.string(.name)
      ?? RunPlan(options: TrainOptions.parse([]), config: ConfigFile(origin: "", values: fixed)).name
    runsDirectory = try resolver.string(.runsDir) ?? "runs"
    jsonl = try resolver.isOn(.jsonl) ?? false
    try check()
  }

  /// The space as distributions.
  func searchSpace() throws -> SearchSpace {
    var space = SearchSpace()
    for entry in self.space {
      do {
        let key = try SpaceParser.option(entry.name)
        space.set(key.name, to: try SpaceParser.distribution(entry.spec, for: key))
      } catch { throw CLIError.usage("search space: \(error)") }
    }
    return space
  }

  /// Writes the plan as the search directory's search.json (atomically), which `--resume` reads.
  func save(in directory: URL) throws {
    try AtomicFile.write(
      try TrainingJSON.encoder(pretty: true).encode(self), to: directory.appendingPathComponent(SearchFiles.plan))
  }

  /// The run plan of a trial with `parameters`; throws what the options' resolver finds wrong. A
  /// trial trains on one compute thread unless the fixed options say otherwise; a `promoted` one is
  /// a run of its own (the fixed options' threads, else all cores).
  func trialPlan(_ parameters: [String: ParameterValue], origin: String, promoted: Bool = false) throws -> RunPlan {
    var values = fixed
    for (name, value) in parameters {
      guard let key = OptionKey(name: name) else { continue }
      values[key.name] = SpaceParser.optionValue(value, for: key)
    }
    if !promoted && values[OptionKey.knob(.threads).name] == nil {
      values[OptionKey.knob(.threads).name] = .number(1)
    }
    var plan = try RunPlan(options: TrainOptions.parse([]), config: ConfigFile(origin: origin, values: values))
    plan.headless = true
    return plan
  }

  /// Checks the fixed options alone, and each searched option at its bounds and at every choice,
  /// so that a bad space is refused before any trial runs.
  private func check() throws {
    let space = try searchSpace()
    do { _ = try trialPlan([:], origin: "the search's fixed options") } catch let error as ConfigError {
      throw CLIError.usage("\(error)")
    }
    for parameter in space.parameters { try probe(parameter.name, parameter.distribution) }
    if settings.strategy == .grid {
      do { _ = try GridSampler(space) } catch { throw CLIError.usage("search space: \(error)") }
    }
  }

  /// Resolves a trial with `name` at each bound or choice of `distribution`: a usage error naming
  /// the value the options refuse (also what `:space` checks a new range with).
  func probe(_ name: String, _ distribution: Distribution) throws {
    let values: [ParameterValue] =
      switch distribution {
      case .choice(let values): values
      case .range(let low, let high, _, _, _): [.number(low), .number(high)]
      }
    for value in values {
      do { _ = try trialPlan([name: value], origin: "search space") } catch let error as ConfigError {
        throw CLIError.usage("search space: \(name) = \(value): \(error.message)")
      } catch {
        throw CLIError.usage("search space: \(name) = \(value): \(error)")
      }
    }
  }
}

extension OptionValue: Codable {
  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let b = try? container.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? container.decode(Double.self) {
      self = .number(n)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .bool(let b): try container.encode(b)
    case .number(let n): try container.encode(n)
    case .string(let s): try container.encode(s)
    }
  }
}
