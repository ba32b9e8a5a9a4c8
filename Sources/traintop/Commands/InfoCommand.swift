import ArgumentParser
import Foundation
import Tensor

/// `traintop info`: the compute engine, its instruction set and threads.
struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Show the compute engine (library, instruction set, threads).")

  func run() throws {
    print("compute: \(ComputeEngine.name)")
    print("isa: \(ComputeEngine.isa) (ONEDNN_MAX_CPU_ISA lowers it)")
    print("threads: \(ComputeEngine.threads) by default (--threads N, :threads N live)")
    print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
  }
}
