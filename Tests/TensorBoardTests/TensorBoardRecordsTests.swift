import Foundation
import Testing

@testable import TensorBoard

/// Splits TFRecord bytes into records, checking both masked CRCs of each.
func records(_ bytes: [UInt8]) throws -> [[UInt8]] {
  var out: [[UInt8]] = []
  var i = 0
  func le<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
    (0..<(T.bitWidth / 8)).reduce(T.zero) { $0 | T(bytes[at + $1]) << ($1 * 8) }
  }
  while i < bytes.count {
    let length = Int(le(i, UInt64.self))
    try #require(le(i + 8, UInt32.self) == CRC32C.masked(bytes[i..<(i + 8)]))
    let data = Array(bytes[(i + 12)..<(i + 12 + length)])
    try #require(le(i + 12 + length, UInt32.self) == CRC32C.masked(data))
    out.append(data)
    i += 16 + length
  }
  return out
}

@Suite struct TensorBoardRecordsTests {
  /// Check values from RFC 3720 (iSCSI), appendix B.4, and the usual "123456789" check value.
  @Test func crc32cMatchesPublishedVectors() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    #expect(CRC32C.checksum(Array(0...31)) == 0x46DD_794E)
  }

  /// Values from TensorBoard's own Python `masked_crc32c`
  /// (`tensorboard.compat.tensorflow_stub.pywrap_tensorflow`): of the 8-byte length 0, and of "123456789".
  @Test func maskedChecksumsMatchTensorBoards() {
    #expect(CRC32C.masked([UInt8](repeating: 0, count: 8)) == 0x0798_0329)
    #expect(CRC32C.masked(Array("123456789".utf8)) == 0xC78A_B0E5)
  }

  @Test func fileVersionIsTheFirstRecordTensorBoardExpects() throws {
    let parts = try records(TensorBoardRecords.fileVersion(time: 1.5))
    #expect(parts.count == 1)
    let event = try Tensorboard_Event(serializedBytes: parts[0])
    #expect(event.fileVersion == "brain.Event:2" && event.wallTime == 1.5)
  }

  @Test func scalarsAreSimpleValuesAtTheirStep() throws {
    let bytes = TensorBoardRecords.scalars([("step/loss", 0.25), ("step/lr", 1e-3)], step: 17, time: 2)
    let event = try Tensorboard_Event(serializedBytes: try records(bytes)[0])
    #expect(event.step == 17)
    #expect(event.summary.value.map(\.tag) == ["step/loss", "step/lr"])
    #expect(event.summary.value.map(\.simpleValue) == [0.25, Float(1e-3)])
  }

  @Test func textIsTheTextPluginsStringTensor() throws {
    let bytes = TensorBoardRecords.text("lr 1.0e-3 → 5.0e-4", tag: "events", step: 9, time: 3)
    let value = try Tensorboard_Event(serializedBytes: try records(bytes)[0]).summary.value[0]
    #expect(value.metadata.pluginData.pluginName == "text")
    #expect(value.tensor.dtype == .dtString && value.tensor.tensorShape.dim.isEmpty)
    #expect(value.tensor.stringVal == [Data("lr 1.0e-3 → 5.0e-4".utf8)])
  }

  @Test func hyperparametersAreAnHParamsSessionStart() throws {
    let bytes = TensorBoardRecords.hyperparameters(
      ["lr": .number(0.01), "optimizer": .text("adam"), "amsgrad": .flag(true)], time: 4)
    let value = try Tensorboard_Event(serializedBytes: try records(bytes)[0]).summary.value[0]
    #expect(value.tag == "_hparams_/session_start_info" && value.metadata.pluginData.pluginName == "hparams")
    let data = try Tensorboard_Hparams_HParamsPluginData(serializedBytes: value.metadata.pluginData.content)
    #expect(data.sessionStartInfo.hparams["lr"]?.numberValue == 0.01)
    #expect(data.sessionStartInfo.hparams["optimizer"]?.stringValue == "adam")
    #expect(data.sessionStartInfo.hparams["amsgrad"]?.boolValue == true)
    #expect(data.sessionStartInfo.startTimeSecs == 4)
  }

  @Test func sessionEndCarriesTheStatus() throws {
    for (succeeded, status) in [(true, Tensorboard_Hparams_Status.success), (false, .failure)] {
      let value = try Tensorboard_Event(
        serializedBytes: try records(TensorBoardRecords.sessionEnd(succeeded: succeeded, time: 5))[0]
      ).summary.value[0]
      let data = try Tensorboard_Hparams_HParamsPluginData(serializedBytes: value.metadata.pluginData.content)
      #expect(value.tag == "_hparams_/session_end_info" && data.sessionEndInfo.status == status)
    }
  }

  @Test func restartIsASessionLogStart() throws {
    let event = try Tensorboard_Event(serializedBytes: try records(TensorBoardRecords.restart(step: 41, time: 6))[0])
    #expect(event.sessionLog.status == .start && event.step == 41)
  }

  @Test func fileNameIsTensorFlows() {
    let name = TensorBoardRecords.fileName(time: Date(timeIntervalSince1970: 1_700_000_000.7), host: "box", pid: 12)
    #expect(name == "events.out.tfevents.1700000000.box.12")
  }
}
