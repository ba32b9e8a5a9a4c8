/// Why a safetensors file could not be read; every case names the file (or `<data>` for bytes in memory).
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
  /// The file could not be read at all.
  case unreadable(file: String, reason: String)
  /// Fewer than the 8 bytes of the header length.
  case tooShort(file: String, byteCount: Int)
  /// The header length points past the end of the file (or exceeds the 100 MB limit).
  case headerLengthPastEnd(file: String, headerLength: UInt64, fileSize: Int)
  /// The header is not valid JSON of the expected form.
  case invalidHeader(file: String, reason: String)
  /// A tensor has a dtype this reader does not know or support.
  case unknownDType(file: String, tensor: String, dtype: String)
  /// A tensor's offsets lie outside the byte buffer or are reversed.
  case offsetsOutOfRange(file: String, tensor: String, begin: Int, end: Int, bufferSize: Int)
  /// A tensor does not start where the previous one ended (overlap or hole).
  case overlapOrHole(file: String, tensor: String, expectedBegin: Int, begin: Int)
  /// The tensors do not cover the whole byte buffer.
  case trailingBytes(file: String, covered: Int, bufferSize: Int)
  /// A tensor's byte count is not its element count times the dtype size.
  case sizeMismatch(file: String, tensor: String, expectedBytes: Int, actualBytes: Int)

  /// A one-line message naming the file.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read safetensors file: \(reason)"
    case .tooShort(let file, let count):
      return "\(file): not a safetensors file: \(count) bytes, need at least 8 for the header length"
    case .headerLengthPastEnd(let file, let length, let size):
      return "\(file): safetensors header length \(length) runs past the end of the \(size)-byte file"
    case .invalidHeader(let file, let reason):
      return "\(file): invalid safetensors header: \(reason)"
    case .unknownDType(let file, let tensor, let dtype):
      return "\(file): tensor '\(tensor)' has unknown or unsupported dtype '\(dtype)'"
    case .offsetsOutOfRange(let file, let tensor, let begin, let end, let size):
      return "\(file): tensor '\(tensor)' offsets [\(begin), \(end)] outside the \(size)-byte buffer"
    case .overlapOrHole(let file, let tensor, let expected, let begin):
      return "\(file): tensor '\(tensor)' starts at byte \(begin), expected \(expected) (overlap or hole)"
    case .trailingBytes(let file, let covered, let size):
      return "\(file): tensors cover \(covered) of the \(size) buffer bytes"
    case .sizeMismatch(let file, let tensor, let expected, let actual):
      return "\(file): tensor '\(tensor)' has \(actual) bytes, its shape and dtype need \(expected)"
    }
  }
}
