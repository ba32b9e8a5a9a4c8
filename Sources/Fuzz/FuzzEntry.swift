import Foundation

#if LIBFUZZER
  /// libFuzzer's entry point (`make libfuzzer`): one input to the target named by `TRAINTOP_FUZZ`.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = FuzzTarget.fromEnvironment else {
      FileHandle.standardError.write(Data("set TRAINTOP_FUZZ to one of \(FuzzTarget.names)\n".utf8))
      exit(64)
    }
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }
#else
  /// Without libFuzzer: replays the files given (crash files libFuzzer wrote, or a corpus) through
  /// the target named by `TRAINTOP_FUZZ`, to reproduce a finding in an ordinary build.
  @main enum FuzzReplay {
    static func main() {
      guard let target = FuzzTarget.fromEnvironment else {
        FileHandle.standardError.write(Data("usage: TRAINTOP_FUZZ=\(FuzzTarget.names) traintop-fuzz FILE…\n".utf8))
        exit(64)
      }
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("traintop-fuzz: cannot read \(path)\n".utf8))
          exit(66)
        }
        target.run(Array(data))
        print("\(path): no crash")
      }
    }
  }
#endif
