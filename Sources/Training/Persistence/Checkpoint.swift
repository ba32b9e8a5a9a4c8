import Foundation
import Tensor

/// Everything needed to resume a run exactly, in one safetensors file.
///
/// Model tensors keep their own names (e.g. `layer0.weight`); optimizer state tensors are
/// stored as `optimizer.<name>` (e.g. `optimizer.layer0.weight.exp_avg`). Everything else is
/// a string in the safetensors `__metadata__` map under the keys of `Checkpoint.Key`; values
/// that are structures are JSON written by `TrainingJSON` (non-finite numbers as strings).
public struct Checkpoint: Sendable {
  /// The documented metadata keys.
  public enum Key: String, CaseIterable, Sendable {
    /// The file format marker, `traintop-checkpoint-1` (written by `save`).
    case format = "traintop.format"
    /// The epoch completed when saved (decimal integer, 1-based).
    case epoch
    /// The global step (updates taken) when saved (decimal integer).
    case step
    /// The optimizer kind: an `OptimizerKind` raw value (e.g. `adam`).
    case optimizerKind = "optimizer.kind"
    /// The fully resolved run configuration: JSON of `TrainerConfiguration`.
    case config
    /// Everything else exact resume needs (progress, RNG, optimizer settings and step count,
    /// schedule, early stopping, regularisation, the epoch's sums): JSON of the trainer's
    /// `ResumeState`.
    case resume = "traintop.resume"
  }

  /// The prefix that marks optimizer state tensors in the file.
  public static let optimizerPrefix = "optimizer."
  /// The value `save` writes under `Key.format`.
  public static let formatVersion = "traintop-checkpoint-1"

  /// The model's parameters (and buffers such as BatchNorm running statistics) by name.
  public var model: [String: Tensor]
  /// The optimizer's state tensors by name, without the `optimizer.` prefix.
  public var optimizerState: [String: Tensor]
  /// String metadata by key (documented keys are `Key` raw values; others are kept as they are).
  public var metadata: [String: String]

  public init(model: [String: Tensor], optimizerState: [String: Tensor] = [:], metadata: [String: String] = [:]) {
    self.model = model
    self.optimizerState = optimizerState
    self.metadata = metadata
  }

  /// The metadata value for a documented key.
  public subscript(key: Key) -> String? {
    get { metadata[key.rawValue] }
    set { metadata[key.rawValue] = newValue }
  }

  /// The saved epoch, if recorded.
  public var epoch: Int? {
    get { self[.epoch].flatMap { Int($0) } }
    set { self[.epoch] = newValue.map(String.init) }
  }

  /// The saved global step, if recorded.
  public var step: Int? {
    get { self[.step].flatMap { Int($0) } }
    set { self[.step] = newValue.map(String.init) }
  }

  /// Stores `value` as JSON under `key`.
  public mutating func setJSON<T: Encodable>(_ value: T, for key: Key) throws {
    self[key] = try TrainingJSON.string(value)
  }

  /// Decodes the JSON stored under `key` (nil if the key is absent).
  public func json<T: Decodable>(_ type: T.Type, for key: Key) throws -> T? {
    guard let text = self[key] else { return nil }
    return try TrainingJSON.value(type, from: text)
  }

  /// Model and prefixed optimizer tensors, as written to the file.
  public var allTensors: [String: Tensor] {
    var tensors = model
    for (name, tensor) in optimizerState {
      let key = Self.optimizerPrefix + name
      precondition(model[key] == nil, "model tensor '\(key)' collides with optimizer state")
      tensors[key] = tensor
    }
    return tensors
  }

  /// Writes the checkpoint atomically to `url` (temp file, fsync, rename).
  public func save(to url: URL) throws {
    var metadata = self.metadata
    metadata[Key.format.rawValue] = Self.formatVersion
    try Safetensors.write(allTensors, metadata: metadata, to: url)
  }

  /// Reads a checkpoint written by `save` (or any safetensors file: it then has no optimizer state).
  ///
  /// - Throws: `SafetensorsError` naming the file.
  public static func load(from url: URL) throws -> Checkpoint {
    let (tensors, metadata) = try Safetensors.read(from: url)
    var checkpoint = Checkpoint(model: [:], metadata: metadata)
    for (name, tensor) in tensors {
      if name.hasPrefix(optimizerPrefix) {
        checkpoint.optimizerState[String(name.dropFirst(optimizerPrefix.count))] = tensor
      } else {
        checkpoint.model[name] = tensor
      }
    }
    return checkpoint
  }
}
