#!/usr/bin/env bash
# Regenerates ../Generated/*.pb.swift from TensorBoard's own .proto files (copied here unchanged from
# github.com/tensorflow/tensorboard at commit 70b76c922822dcccc3e8d7e5dd89860948690357).
# Needs protoc (Debian: protobuf-compiler) and protoc-gen-swift from swift-protobuf 1.39.0:
#   git clone https://github.com/apple/swift-protobuf && cd swift-protobuf && git checkout 1.39.0
#   swift build -c release --product protoc-gen-swift
#   PROTOC_GEN_SWIFT=$PWD/.build/release/protoc-gen-swift Sources/TensorBoard/Protos/generate.sh
# The output is committed (swift-format skips it: protoc-gen-swift marks it), so a build needs neither tool.
set -euo pipefail
cd "$(dirname "$0")"
plugin=${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift)}
rm -f ../Generated/*.pb.swift
protoc --plugin=protoc-gen-swift="$plugin" \
  --swift_opt=Visibility=Internal --swift_opt=FileNaming=PathToUnderscores \
  --swift_out=../Generated -I . \
  tensorboard/compat/proto/*.proto tensorboard/plugins/hparams/*.proto tensorboard/plugins/text/*.proto
