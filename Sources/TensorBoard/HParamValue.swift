import SwiftProtobuf

/// One hyper-parameter's value for TensorBoard's HParams plugin (a `google.protobuf.Value`).
public enum HParamValue: Equatable, Sendable {
  /// A number (learning rate, batch size, …).
  case number(Double)
  /// A word (optimizer, model, schedule, …).
  case text(String)
  /// A switch (batch norm, AMSGrad, …).
  case flag(Bool)

  /// The protobuf value.
  var message: Google_Protobuf_Value {
    switch self {
    case .number(let x): Google_Protobuf_Value(numberValue: x)
    case .text(let s): Google_Protobuf_Value(stringValue: s)
    case .flag(let b): Google_Protobuf_Value(boolValue: b)
    }
  }
}
