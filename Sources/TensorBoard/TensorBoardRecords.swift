import Foundation
import SwiftProtobuf

/// TensorBoard event-file records: each function returns one `Event` protobuf framed as a TFRecord,
/// ready to append to an `events.out.tfevents.*` file.
///
/// Scalars use `simple_value` (what TensorBoard's `EventAccumulator.Scalars` and every version of
/// the scalars dashboard read); text uses the text plugin's string tensor; hyper-parameters use the
/// HParams plugin's `session_start_info` and `session_end_info` summaries, as its Python
/// `hparams` API writes them.
public enum TensorBoardRecords {
  /// `events.out.tfevents.<seconds>.<host>.<pid>`, TensorFlow's file name (it reads any file whose
  /// name contains `tfevents`).
  public static func fileName(time: Date, host: String, pid: Int32) -> String {
    "events.out.tfevents.\(Int(time.timeIntervalSince1970)).\(host).\(pid)"
  }

  /// The first record of every file: `file_version` "brain.Event:2".
  public static func fileVersion(time: Double) -> [UInt8] {
    var event = Tensorboard_Event()
    event.wallTime = time
    event.fileVersion = "brain.Event:2"
    event.sourceMetadata.writer = "traintop"
    return framed(event)
  }

  /// A `SessionLog` START at `step`: a resumed run's first record. TensorBoard then drops the
  /// earlier file's records from that step on (they were rewound), as it does for TensorFlow.
  public static func restart(step: Int, time: Double) -> [UInt8] {
    var event = Tensorboard_Event()
    event.wallTime = time
    event.step = Int64(step)
    event.sessionLog.status = .start
    return framed(event)
  }

  /// Scalars at one step, one `Summary.Value` each (`simple_value` is a 32-bit float, as
  /// TensorBoard stores scalars). Non-finite values are kept: TensorBoard shows NaN and ±Inf.
  public static func scalars(_ values: [(tag: String, value: Double)], step: Int, time: Double) -> [UInt8] {
    var summary = Tensorboard_Summary()
    summary.value = values.map { tag, value in
      var v = Tensorboard_Summary.Value()
      v.tag = tag
      v.simpleValue = Float(value)
      return v
    }
    return framed(event(summary, step: step, time: time))
  }

  /// A text summary (the text plugin's scalar string tensor).
  public static func text(_ text: String, tag: String, step: Int, time: Double) -> [UInt8] {
    var v = Tensorboard_Summary.Value()
    v.tag = tag
    v.metadata.pluginData.pluginName = "text"
    v.metadata.pluginData.content = serialized(Tensorboard_TextPluginData())
    v.metadata.dataClass = .tensor
    v.tensor.dtype = .dtString
    v.tensor.tensorShape = Tensorboard_TensorShapeProto()
    v.tensor.stringVal = [Data(text.utf8)]
    var summary = Tensorboard_Summary()
    summary.value = [v]
    return framed(event(summary, step: step, time: time))
  }

  /// The HParams plugin's session start: the run's hyper-parameters.
  public static func hyperparameters(_ values: [String: HParamValue], time: Double) -> [UInt8] {
    var start = Tensorboard_Hparams_SessionStartInfo()
    start.hparams = values.mapValues(\.message)
    start.startTimeSecs = time
    var data = Tensorboard_Hparams_HParamsPluginData()
    data.sessionStartInfo = start
    return framed(event(hparamsSummary(tag: "_hparams_/session_start_info", data), step: 0, time: time))
  }

  /// The HParams plugin's session end: success, or failure (a run that diverged or was stopped).
  public static func sessionEnd(succeeded: Bool, time: Double) -> [UInt8] {
    var end = Tensorboard_Hparams_SessionEndInfo()
    end.status = succeeded ? .success : .failure
    end.endTimeSecs = time
    var data = Tensorboard_Hparams_HParamsPluginData()
    data.sessionEndInfo = end
    return framed(event(hparamsSummary(tag: "_hparams_/session_end_info", data), step: 0, time: time))
  }

  /// A summary carrying HParams plugin data on a length-0 float tensor (the plugin's NULL_TENSOR).
  private static func hparamsSummary(tag: String, _ data: Tensorboard_Hparams_HParamsPluginData) -> Tensorboard_Summary
  {
    var v = Tensorboard_Summary.Value()
    v.tag = tag
    v.metadata.pluginData.pluginName = "hparams"
    v.metadata.pluginData.content = serialized(data)
    v.tensor.dtype = .dtFloat
    var dimension = Tensorboard_TensorShapeProto.Dim()
    dimension.size = 0
    v.tensor.tensorShape.dim = [dimension]
    var summary = Tensorboard_Summary()
    summary.value = [v]
    return summary
  }

  private static func event(_ summary: Tensorboard_Summary, step: Int, time: Double) -> Tensorboard_Event {
    var event = Tensorboard_Event()
    event.wallTime = time
    event.step = Int64(step)
    event.summary = summary
    return event
  }

  /// A message's bytes. Encoding a message whose fields are all set in this file cannot fail
  /// (binary encoding only fails on missing required fields, which proto3 has none of).
  private static func serialized(_ message: some SwiftProtobuf.Message) -> Data {
    (try? message.serializedData()) ?? Data()
  }

  private static func framed(_ event: Tensorboard_Event) -> [UInt8] {
    var record: [UInt8] = []
    TFRecord.append([UInt8](serialized(event)), to: &record)
    return record
  }
}
