import Dashboard
import Foundation
import Search
import Training

/// What the trials dashboard changes while the search runs. Each returns the status line's text;
/// changes to the plan (trials, parallel, space) are saved in search.json, so `--resume` keeps them.
extension SearchSession {
  /// Carries out a request from the trials dashboard (`.open` and `.quit` are the app's own).
  func perform(_ request: SearchRequest) -> String? {
    switch request {
    case .open, .quit: nil
    case .setPaused(let on): setPaused(on)
    case .stop(let number): stopTrial(number)
    case .addTrials(let count): setTrials(study.trialLimit + count)
    case .setTrials(let total): setTrials(total)
    case .setParallel(let count): setParallel(count)
    case .changeSpace(let name, let spec): changeSpace(name, spec: spec)
    case .promote(let number): promote(number)
    }
  }

  /// Pauses the running trials and starts no new ones, or lets all go on.
  func setPaused(_ on: Bool) -> String {
    guard on != paused else { return on ? "the search is already paused" : "the search is not paused" }
    paused = on
    for run in runningTrials { run.session.channel.send(on ? .pause : .resume, source: .prompt) }
    let text = on ? "search paused: no new trials start, the running ones pause" : "search resumed"
    note(text)
    return text
  }

  /// Stops trial `number` now; it counts as complete with the epochs it trained.
  func stopTrial(_ number: Int) -> String {
    guard let run = runningTrials.first(where: { $0.number == number }) else {
      return "stop: trial \(number) is not running"
    }
    run.session.channel.send(.stop(.manual), source: .prompt)
    return "stop: trial \(number) stops after this step"
  }

  /// The search's new total of trials (at least those started; a grid's size at most).
  func setTrials(_ total: Int) -> String {
    guard (1...SearchSettings.trialLimit).contains(total) else {
      return "trials: expected 1 to \(SearchSettings.trialLimit), got \(total)"
    }
    let limit = withStudy { $0.setTrialLimit(total) }
    plan.settings.trials = limit
    savePlan()
    let text =
      limit == total ? "trials: \(limit) in all" : "trials: \(limit) in all (\(total) asked; started or grid size)"
    note(text)
    return text
  }

  /// How many trials train at once from now on (the running ones finish either way).
  func setParallel(_ count: Int) -> String {
    guard (1...SearchSettings.parallelLimit).contains(count) else {
      return "parallel: expected 1 to \(SearchSettings.parallelLimit), got \(count)"
    }
    plan.settings.parallel = count
    savePlan()
    let text = "parallel: \(count) trials at once"
    note(text)
    return text
  }

  /// `:space NAME SPEC`: trials started from now on sample `NAME` from the new distribution.
  func changeSpace(_ name: String, spec: String) -> String {
    let key: OptionKey
    let distribution: Distribution
    do {
      key = try SpaceParser.option(name)
      distribution = try SpaceParser.distribution(spec, for: key)
      try plan.probe(key.name, distribution)
    } catch {
      return "space: \(error)"
    }
    let old = study.space[key.name]
    let failure = withStudy { study -> String? in
      do { try study.changeSpace(key.name, to: distribution) } catch { return "\(error)" }
      return nil
    }
    if let failure { return "space: \(failure)" }
    if let index = plan.space.firstIndex(where: { $0.name == key.name }) {
      plan.space[index].spec = SpaceParser.text(distribution)
    }
    savePlan()
    let was = old.map { " (was \(SpaceParser.text($0)))" } ?? ""
    let text = "space: \(key.name) \(SpaceParser.text(distribution))\(was) from trial \(study.trials.count) on"
    note(text)
    return text
  }

  /// Trains trial `number`'s parameters as a run of its own under the runs folder (the fixed
  /// options, its own threads, no pruning), beside the search; it stops with the search.
  func promote(_ number: Int) -> String {
    guard let trial = study.trials.first(where: { $0.number == number }) else {
      return "promote: no trial \(number)"
    }
    guard !promoted.contains(where: { $0.number == number }) else { return "promote: trial \(number) already is" }
    do {
      var runPlan = try plan.trialPlan(trial.parameters, origin: "trial \(number)", promoted: true)
      runPlan.name = "\(plan.name)-trial\(number)"
      runPlan.runsDirectory = plan.runsDirectory
      let session = try RunSession.starting(runPlan, dataset: try cachedDataset(runPlan.dataset))
      session.startTrainer()
      promoted.append((number, session, false))
      let text = "trial \(number) promoted: a full run in \(session.runLog.directory.path)"
      note(text)
      return text
    } catch {
      return "promote: \(error)"
    }
  }

  /// Notes the promoted runs that ended, once each.
  func pollPromoted() {
    for (index, entry) in promoted.enumerated() where entry.session.channel.isFinished && !entry.ended {
      promoted[index].ended = true
      try? entry.session.runLog.close()
      let latest = entry.session.channel.latest().snapshot
      let value = latest?.epochs.last.flatMap { plan.settings.metric.value(in: $0) }
      note(
        "promoted trial \(entry.number) ended after \(latest?.epochsDone ?? 0) epochs"
          + (value.map { ", \(plan.settings.metric.rawValue) \(Format.fixed($0, decimals: 4))" } ?? "")
          + " (\(entry.session.runLog.directory.lastPathComponent))")
    }
  }
}
