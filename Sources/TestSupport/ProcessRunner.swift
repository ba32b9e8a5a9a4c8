import Foundation

/// The result of running a command to completion.
public struct ProcessResult: Sendable {
  /// The exit status (or 128 + signal).
  public var status: Int32
  /// Everything written to stdout.
  public var standardOutput: String
  /// Everything written to stderr.
  public var standardError: String
}

/// Runs `executable` with `arguments` in `directory` (stdin from /dev/null) and waits for it.
public func runProcess(
  _ executable: String, _ arguments: [String], in directory: URL? = nil,
  environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let status =
    process.terminationReason == .uncaughtSignal
    ? 128 + process.terminationStatus : process.terminationStatus
  return ProcessResult(
    status: status, standardOutput: String(decoding: outData, as: UTF8.self),
    standardError: String(decoding: errData, as: UTF8.self))
}
