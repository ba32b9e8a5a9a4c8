import Foundation
import Tensor
import TestSupport
import Testing
import Training

/// Runs `python3 -c script args…`; returns its exit status and standard output.
private func python(_ script: String, _ arguments: [String] = []) -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  do {
    try process.run()
  } catch {
    return (-1, "")
  }
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// Whether `python3` with the `safetensors` and `numpy` modules is available (else the suite is skipped).
private let pythonHasSafetensors: Bool = python("import safetensors, numpy").status == 0

/// Cross-checks with the reference implementation (`pip install safetensors numpy`).
/// Skipped, with this message, when the modules are missing.
@Suite(.enabled(if: pythonHasSafetensors, "python3 with safetensors and numpy not installed"))
struct SafetensorsPythonTests {
  @Test func pythonReadsOurFile() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("ours.safetensors")
    let weight = Tensor(shape: [2, 3], storage: [1, -2, 3.5, 0.125, 1e-7, -0.0])
    try Safetensors.write(
      ["w": weight, "b": Tensor([0.25, -4]), "s": Tensor(shape: [], storage: [7])],
      metadata: ["epoch": "5", "note": "a \"quoted\" ✓"], to: url)
    let script = """
      import json, sys
      from safetensors import safe_open
      out = {}
      with safe_open(sys.argv[1], "np") as f:
          out["metadata"] = f.metadata()
          for k in f.keys():
              t = f.get_tensor(k)
              out[k] = {"dtype": str(t.dtype), "shape": list(t.shape), "data": [float(x) for x in t.flatten()]}
      print(json.dumps(out, sort_keys=True))
      """
    let result = python(script, [url.path])
    try #require(result.status == 0)
    struct Entry: Decodable, Equatable {
      let dtype: String
      let shape: [Int]
      let data: [Double]
    }
    struct Output: Decodable {
      let metadata: [String: String]
      let w: Entry
      let b: Entry
      let s: Entry
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(result.output.utf8))
    #expect(output.metadata == ["epoch": "5", "note": "a \"quoted\" ✓"])
    #expect(output.w == Entry(dtype: "float32", shape: [2, 3], data: weight.storage.map(Double.init)))
    #expect(output.b == Entry(dtype: "float32", shape: [2], data: [0.25, -4]))
    #expect(output.s == Entry(dtype: "float32", shape: [], data: [7]))
  }

  @Test func weReadPythonsFile() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("python.safetensors")
    let script = """
      import sys, numpy as np
      from safetensors.numpy import save_file
      save_file({"f32": np.array([[1.5, -2.25], [3.0, 0.0]], dtype=np.float32),
                 "f64": np.array([0.1, -1e300], dtype=np.float64),
                 "i64": np.array([-3, 2**40], dtype=np.int64),
                 "u8": np.array([0, 7, 255], dtype=np.uint8)},
                sys.argv[1], metadata={"who": "numpy"})
      """
    try #require(python(script, [url.path]).status == 0)
    let (tensors, metadata) = try Safetensors.read(from: url)
    #expect(metadata == ["who": "numpy"])
    #expect(tensors["f32"]?.shape == [2, 2] && tensors["f32"]?.storage == [1.5, -2.25, 3, 0])
    #expect(tensors["f64"]?.storage == [Float(0.1), -Float.infinity])  // −1e300 overflows Float32
    #expect(tensors["i64"]?.storage == [-3, 1_099_511_627_776])  // 2^40 is exact in Float32
    #expect(tensors["u8"]?.storage == [0, 7, 255])
  }

  @Test func sameBytesAsTheReferenceWriter() throws {
    // The reference writer also sorts by name for one dtype, pads with spaces to 8 bytes and
    // puts __metadata__ first, so for F32-only files the bytes should be identical.
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("ref.safetensors")
    let script = """
      import sys, numpy as np
      from safetensors.numpy import save_file
      save_file({"b": np.array([1, 2, 3], dtype=np.float32), "a": np.array([[0.5]], dtype=np.float32)},
                sys.argv[1], metadata={"k": "v"})
      """
    try #require(python(script, [url.path]).status == 0)
    let ours = Safetensors.encode(
      ["b": Tensor([1, 2, 3]), "a": Tensor(shape: [1, 1], storage: [0.5])], metadata: ["k": "v"])
    #expect(try Data(contentsOf: url) == ours)
  }
}
