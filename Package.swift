// swift-tools-version:6.0
// traintop: trains neural networks on the CPU behind a live, steerable ncurses dashboard.
// Target layering (each depends only on rows above it) is described in ARCHITECTURE.md.
import PackageDescription

/// Release builds of the numeric core: unchecked arithmetic is not used; only -O.
let package = Package(
  name: "traintop",
  platforms: [.macOS(.v15)],  // Mutex (Synchronization) needs macOS 15
  products: [
    .executable(name: "traintop", targets: ["traintop"]),
    .executable(name: "traintop-bench", targets: ["Bench"]),
    .executable(name: "traintop-fuzz", targets: ["Fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.28.0"),
  ],
  targets: [
    // System libraries.
    .systemLibrary(
      name: "CDNNL", path: "Sources/CDNNL",
      providers: [.apt(["libdnnl-dev"]), .brew(["onednn"])]),
    .systemLibrary(
      name: "CNcurses", path: "Sources/CNcurses",
      providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib",
      providers: [.apt(["zlib1g-dev"])]),

    // Fused elementwise loops in C (vectorised, AVX picked at run time on x86-64).
    .target(name: "CKernels"),
    // oneDNN's sgemm, thread count and ISA behind a small C API (the only code that calls oneDNN).
    // A C target does not take a system library's `link` lines, so it names the libraries too.
    .target(
      name: "CCompute", dependencies: ["CDNNL"],
      linkerSettings: [
        .linkedLibrary("dnnl", .when(platforms: [.linux])), .linkedLibrary("gomp", .when(platforms: [.linux])),
      ]),

    // Libraries, bottom to top.
    .target(
      name: "Tensor",
      dependencies: ["CKernels", .target(name: "CCompute", condition: .when(platforms: [.linux]))]),
    .target(name: "NN", dependencies: ["Tensor", "CKernels"]),
    .target(name: "Datasets", dependencies: ["Tensor", "CKernels", "CZlib"]),
    // TensorBoard event files: code generated from TensorBoard's .proto files (Protos/generate.sh).
    .target(
      name: "TensorBoard", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
      exclude: ["Protos"]),
    .target(name: "Training", dependencies: ["NN", "Datasets", "Tensor", "TensorBoard"]),
    .target(name: "Search", dependencies: ["Tensor"]),
    .target(name: "Dashboard", dependencies: ["Training", "NN", "Tensor", "Search"]),
    .target(name: "Terminal", dependencies: ["Dashboard", "CNcurses"]),
    .executableTarget(
      name: "traintop",
      dependencies: [
        "Training", "Dashboard", "Terminal", "Datasets", "NN", "Tensor", "Search",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "Bench", dependencies: ["Training", "Datasets", "NN", "Tensor"]),
    // Coverage-guided fuzzing: `make libfuzzer` builds it with -sanitize=fuzzer,address and -DLIBFUZZER.
    .executableTarget(name: "Fuzz", dependencies: ["Dashboard", "Datasets", "NN", "Training"]),

    // Tests.
    .target(name: "TestSupport", dependencies: ["NN", "Tensor"], path: "Sources/TestSupport"),
    .testTarget(name: "TensorTests", dependencies: ["Tensor", "CKernels", "TestSupport"]),
    .testTarget(name: "NNTests", dependencies: ["NN", "Tensor", "TestSupport"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensor", "TestSupport"]),
    .testTarget(name: "TensorBoardTests", dependencies: ["TensorBoard"]),
    .testTarget(name: "SearchTests", dependencies: ["Search", "Tensor", "TestSupport"]),
    .testTarget(name: "TrainingTests", dependencies: ["Training", "Datasets", "NN", "Tensor", "TestSupport"]),
    .testTarget(
      name: "DashboardTests", dependencies: ["Dashboard", "Training", "NN", "Tensor", "Search", "TestSupport"]),
    .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Dashboard", "CNcurses"]),
    .testTarget(
      name: "TraintopTests",
      dependencies: [
        "traintop", "Training", "TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
  ]
)
