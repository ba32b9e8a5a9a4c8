import Foundation

extension PromptCommand {
  /// The candidate closest to `word`: the only one it is a prefix of, else the smallest edit distance.
  ///
  /// Ties go to the earlier candidate. Nil when there are no candidates or the word is too long
  /// (over 64 characters) to be a near miss.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    // Compare what the letters say: case, accents and other combining marks do not count.
    let lowered = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    guard lowered.count <= 64 else { return nil }  // nothing that long is a near miss; keeps this cheap
    let prefixed = candidates.filter { $0.hasPrefix(lowered) }
    if prefixed.count == 1 { return prefixed[0] }
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate)
      if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
    }
    return best?.name
  }

  /// The Levenshtein distance between two strings (insertions, deletions, substitutions).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let left = Array(a)
    let right = Array(b)
    guard !left.isEmpty else { return right.count }
    guard !right.isEmpty else { return left.count }
    var previous = Array(0...right.count)
    var current = previous
    for i in 1...left.count {
      current[0] = i
      for j in 1...right.count {
        let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }
}
