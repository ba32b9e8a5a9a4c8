import Foundation
import Tensor
import TestSupport
import Testing
import Training

/// The bit patterns of a tensor's elements (NaN-safe equality).
func bits(_ tensor: Tensor?) -> [UInt32] { tensor?.storage.map(\.bitPattern) ?? [] }

/// A raw safetensors file from a header text (padded here to a multiple of 8) and buffer bytes.
private func rawFile(header: String, buffer: [UInt8]) -> Data {
  var headerBytes = Array(header.utf8)
  headerBytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - headerBytes.count % 8) % 8))
  var data = Data()
  withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { data.append(contentsOf: $0) }
  data.append(contentsOf: headerBytes)
  data.append(contentsOf: buffer)
  return data
}

/// The error `body` throws as a `SafetensorsError`, if it does.
private func safetensorsError(_ body: () throws -> Void) -> SafetensorsError? {
  do {
    try body()
    return nil
  } catch {
    return error as? SafetensorsError
  }
}

@Suite struct SafetensorsTests {
  private let sample: [String: Tensor] = [
    "z.weight": Tensor(shape: [2, 3], storage: [1, -2, 3.5, .nan, .infinity, -0.0]),
    "a.bias": Tensor([0.1, 0.2]),
    "scalar": Tensor(shape: [], storage: [42]),
    "empty": Tensor(shape: [0, 4]),
  ]
  private let metadata = ["epoch": "3", "note": "quote \" backslash \\ newline \n tab \t é ✓", "json": "{\"a\":[1,2]}"]

  @Test func roundTripIsBitExact() throws {
    let data = Safetensors.encode(sample, metadata: metadata)
    let decoded = try Safetensors.decode(data)
    #expect(decoded.metadata == metadata)
    #expect(Set(decoded.tensors.keys) == Set(sample.keys))
    for (name, tensor) in sample {
      #expect(decoded.tensors[name]?.shape == tensor.shape, "\(name)")
      #expect(bits(decoded.tensors[name]) == bits(tensor), "\(name)")
    }
    // Deterministic: same input, same bytes (dictionary order does not leak).
    #expect(Safetensors.encode(sample, metadata: metadata) == data)
  }

  @Test func layoutFollowsTheSpec() throws {
    // {"a": [1, 2]} with metadata {"k": "v"}: the header text is exactly this (79 bytes),
    // padded with 1 space to 80, then 8 buffer bytes: 1.0f = 00 00 80 3F, 2.0f = 00 00 00 40.
    let data = Safetensors.encode(["a": Tensor([1, 2])], metadata: ["k": "v"])
    let header = #"{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
    #expect(header.utf8.count == 79)
    let length = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    #expect(length == 80)
    #expect(String(decoding: data.dropFirst(8).prefix(80), as: UTF8.self) == header + " ")
    #expect(Array(data.suffix(8)) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40])
    #expect(data.count == 8 + 80 + 8)
  }

  @Test func tensorsAreLaidOutInNameOrder() throws {
    // Sorted names: a.bias (2 floats, bytes 0..<8), empty (0 bytes, 8..<8), scalar (8..<12), z.weight (12..<36).
    let data = Safetensors.encode(sample)
    let length = Int(
      data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
    #expect(length % 8 == 0)
    let header = String(decoding: data.dropFirst(8).prefix(length), as: UTF8.self)
    #expect(header.contains(#""a.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}"#))
    #expect(header.contains(#""empty":{"dtype":"F32","shape":[0,4],"data_offsets":[8,8]}"#))
    #expect(header.contains(#""scalar":{"dtype":"F32","shape":[],"data_offsets":[8,12]}"#))
    #expect(header.contains(#""z.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[12,36]}"#))
    #expect(!header.contains("__metadata__"))  // omitted when empty
    #expect(data.count == 8 + length + 36)
  }

  @Test func readsThePyTorchInitFile() throws {
    // mlp_parity/mlp_init.safetensors, written by PyTorch 2.15 (README section 5).
    let url = Fixtures.oracles.appendingPathComponent("mlp_parity/mlp_init.safetensors")
    let (tensors, metadata) = try Safetensors.read(from: url)
    #expect(tensors["layer0.weight"]?.shape == [32, 784])
    #expect(tensors["layer0.bias"]?.shape == [32])
    #expect(tensors["layer1.weight"]?.shape == [10, 32])
    #expect(tensors["layer1.bias"]?.shape == [10])
    #expect(tensors.count == 4)
    #expect(metadata["description"]?.hasPrefix("784-32-10 ReLU MLP") == true)
    // Values read back with safetensors.numpy.load_file (Python) from the same file.
    let weight0 = try #require(tensors["layer0.weight"])
    #expect(weight0.storage.first == -0.03364434093236923)
    #expect(weight0[5, 100] == -0.021842259913682938)
    #expect(weight0.storage.last == 0.03459356352686882)
    #expect(tensors["layer0.bias"]?.storage.first == 0.01558428630232811)
    #expect(tensors["layer1.weight"]?.storage.first == 0.08994942158460617)
    #expect(tensors["layer1.bias"]?.storage.last == 0.06020590662956238)
    // PyTorch's Linear init: U(−1/√fan_in, 1/√fan_in) = ±1/28 for layer0, ±1/√32 for layer1.
    #expect(weight0.storage.allSatisfy { abs($0) <= 1.0 / 28 })
    #expect(tensors["layer1.weight"]?.storage.allSatisfy { abs($0) <= 1 / Float(32).squareRoot() } == true)
  }

  @Test func normsOfTheTrainedFileMatchParity() throws {
    // parity.json "final_l2_norms": Frobenius norms of mlp_after_8_steps.safetensors in float64.
    let url = Fixtures.oracles.appendingPathComponent("mlp_parity/mlp_after_8_steps.safetensors")
    let tensors = try Safetensors.read(from: url).tensors
    let expected = [
      "layer0.weight": 3.3123762186830707, "layer0.bias": 0.13701663524040075,
      "layer1.weight": 1.8119187193292083, "layer1.bias": 0.2991674959152395,
    ]
    for (name, norm) in expected {
      let tensor = try #require(tensors[name])
      let actual = tensor.storage.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
      #expect(abs(actual - norm) <= 1e-12 * norm, "\(name)")
    }
  }

  @Test func fileRoundTripIsAtomic() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try Safetensors.write(sample, metadata: metadata, to: url)
    try Safetensors.write(sample, metadata: ["second": "write"], to: url)  // replaces
    let (tensors, readMetadata) = try Safetensors.read(from: url)
    #expect(readMetadata == ["second": "write"])
    #expect(bits(tensors["z.weight"]) == bits(sample["z.weight"]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["weights.safetensors"])
  }
}

@Suite struct SafetensorsValidationTests {
  private let floatBytes: [UInt8] = [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40]  // 1.0f, 2.0f

  @Test func rejectsShortFiles() {
    #expect(
      safetensorsError { _ = try Safetensors.decode(Data([1, 2, 3]), file: "tiny") }
        == .tooShort(file: "tiny", byteCount: 3))
  }

  @Test func rejectsHeaderLengthPastEnd() {
    var data = Data()
    withUnsafeBytes(of: UInt64(1000).littleEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: Array("{}".utf8))
    #expect(
      safetensorsError { _ = try Safetensors.decode(data, file: "f") }
        == .headerLengthPastEnd(file: "f", headerLength: 1000, fileSize: 10))
  }

  @Test func rejectsInvalidJSON() {
    let data = rawFile(header: #"{"a": {"dtype": "F32", "#, buffer: [])
    guard case .invalidHeader(let file, _) = safetensorsError({ _ = try Safetensors.decode(data, file: "bad.json") })
    else {
      Issue.record("expected invalidHeader")
      return
    }
    #expect(file == "bad.json")
    let notObject = rawFile(header: "[1, 2]", buffer: [])
    guard case .invalidHeader = safetensorsError({ _ = try Safetensors.decode(notObject) }) else {
      Issue.record("expected invalidHeader for a non-object header")
      return
    }
    let missingShape = rawFile(header: #"{"a": {"dtype": "F32", "data_offsets": [0, 8]}}"#, buffer: floatBytes)
    guard case .invalidHeader(_, let reason) = safetensorsError({ _ = try Safetensors.decode(missingShape) }) else {
      Issue.record("expected invalidHeader for a missing shape")
      return
    }
    #expect(reason.contains("a"))
  }

  @Test func rejectsUnknownDType() {
    let data = rawFile(header: #"{"a": {"dtype": "Q7", "shape": [2], "data_offsets": [0, 8]}}"#, buffer: floatBytes)
    #expect(
      safetensorsError { _ = try Safetensors.decode(data, file: "f") }
        == .unknownDType(file: "f", tensor: "a", dtype: "Q7"))
  }

  @Test func rejectsOffsetsOutOfRange() {
    let data = rawFile(
      header: #"{"a": {"dtype": "F32", "shape": [100], "data_offsets": [0, 400]}}"#, buffer: floatBytes)
    #expect(
      safetensorsError { _ = try Safetensors.decode(data, file: "f") }
        == .offsetsOutOfRange(file: "f", tensor: "a", begin: 0, end: 400, bufferSize: 8))
    let reversed = rawFile(
      header: #"{"a": {"dtype": "F32", "shape": [0], "data_offsets": [8, 0]}}"#, buffer: floatBytes)
    #expect(
      safetensorsError { _ = try Safetensors.decode(reversed, file: "f") }
        == .offsetsOutOfRange(file: "f", tensor: "a", begin: 8, end: 0, bufferSize: 8))
  }

  @Test func rejectsOverlapsHolesAndTrailingBytes() {
    let buffer = [UInt8](repeating: 0, count: 20)
    let overlap = rawFile(
      header:
        #"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "#
        + #""b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}"#,
      buffer: Array(buffer.prefix(12)))
    #expect(
      safetensorsError { _ = try Safetensors.decode(overlap, file: "f") }
        == .overlapOrHole(file: "f", tensor: "b", expectedBegin: 8, begin: 4))
    let hole = rawFile(
      header:
        #"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "#
        + #""b": {"dtype": "F32", "shape": [2], "data_offsets": [12, 20]}}"#,
      buffer: buffer)
    #expect(
      safetensorsError { _ = try Safetensors.decode(hole, file: "f") }
        == .overlapOrHole(file: "f", tensor: "b", expectedBegin: 8, begin: 12))
    let trailing = rawFile(
      header: #"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, buffer: Array(buffer.prefix(12)))
    #expect(
      safetensorsError { _ = try Safetensors.decode(trailing, file: "f") }
        == .trailingBytes(file: "f", covered: 8, bufferSize: 12))
  }

  @Test func rejectsShapeSizeMismatch() {
    let data = rawFile(header: #"{"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}"#, buffer: floatBytes)
    #expect(
      safetensorsError { _ = try Safetensors.decode(data, file: "f") }
        == .sizeMismatch(file: "f", tensor: "a", expectedBytes: 12, actualBytes: 8))
  }

  @Test func errorsNameTheFile() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("broken.safetensors")
    try Data([1, 2, 3]).write(to: url)
    let error = safetensorsError { _ = try Safetensors.read(from: url) }
    #expect(error == .tooShort(file: url.path, byteCount: 3))
    #expect(error?.description.hasPrefix(url.path) == true)
    let missing = safetensorsError { _ = try Safetensors.read(from: directory.appendingPathComponent("nope")) }
    guard case .unreadable(let file, _) = missing else {
      Issue.record("expected unreadable")
      return
    }
    #expect(file.hasSuffix("nope"))
  }

  @Test func readsOtherDTypesAsFloat() throws {
    // F64 [0.5, -3], I64 [-7, 9], U8 [0, 255], BF16 [1.0 = 0x3F80, -2.0 = 0xC000] (little-endian bytes).
    var buffer: [UInt8] = []
    for value in [0.5, -3.0] { withUnsafeBytes(of: value.bitPattern.littleEndian) { buffer += $0 } }
    for value in [Int64(-7), 9] { withUnsafeBytes(of: value.littleEndian) { buffer += $0 } }
    buffer += [0, 255]
    buffer += [0x80, 0x3F, 0x00, 0xC0]
    let header =
      #"{"d": {"dtype": "F64", "shape": [2], "data_offsets": [0, 16]}, "i": {"dtype": "I64", "shape": "#
      + #"[2], "data_offsets": [16, 32]}, "u": {"dtype": "U8", "shape": [2], "data_offsets": [32, 34]}, "#
      + #""b": {"dtype": "BF16", "shape": [2], "data_offsets": [34, 38]}}"#
    let tensors = try Safetensors.decode(rawFile(header: header, buffer: buffer)).tensors
    #expect(tensors["d"]?.storage == [0.5, -3])
    #expect(tensors["i"]?.storage == [-7, 9])
    #expect(tensors["u"]?.storage == [0, 255])
    #expect(tensors["b"]?.storage == [1, -2])
  }
}
