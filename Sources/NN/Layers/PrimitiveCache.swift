/// The compute objects of one layer, one per batch size, made on first use and kept.
///
/// A run meets two or three batch sizes (the training batch, its last partial batch, the
/// evaluation batch); beyond `capacity` sizes the oldest is dropped, so odd sizes cannot pile up.
struct PrimitiveCache<Value: AnyObject> {
  /// The most batch sizes kept at once.
  let capacity = 4
  private var entries: [(batch: Int, value: Value)] = []

  /// The object for `batch`, made by `make` the first time.
  mutating func value(for batch: Int, make: () -> Value) -> Value {
    if let entry = entries.first(where: { $0.batch == batch }) { return entry.value }
    if entries.count == capacity { entries.removeFirst() }
    let value = make()
    entries.append((batch, value))
    return value
  }
}
