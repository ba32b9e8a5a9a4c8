import Dashboard
import NN
import Testing
import Training

@Suite struct PromptParserTests {
  /// The action of a line that must parse.
  private func action(_ line: String) -> PromptAction? {
    try? PromptCommand.parse(line).get()
  }

  /// The error message of a line that must not parse.
  private func error(_ line: String) -> String? {
    if case .failure(let error) = PromptCommand.parse(line) { return error.message }
    return nil
  }

  @Test func everyValidCommandParses() {
    #expect(action("lr 3e-4") == .trainer(.set(.learningRate, 3e-4)))
    #expect(action("lr *0.5") == .trainer(.scaleLearningRate(0.5)))
    #expect(action("lr * 0.5") == .trainer(.scaleLearningRate(0.5)))
    #expect(action("lr /2") == .trainer(.scaleLearningRate(0.5)))
    #expect(action("momentum 0.95") == .trainer(.set(.momentum, 0.95)))
    #expect(action("momentum 0") == .trainer(.set(.momentum, 0)))
    #expect(action("beta1 0.9") == .trainer(.set(.beta1, 0.9)))
    #expect(action("beta2 0.999") == .trainer(.set(.beta2, 0.999)))
    #expect(action("wd 1e-4") == .trainer(.set(.weightDecay, 1e-4)))
    #expect(action("wd 0") == .trainer(.set(.weightDecay, 0)))
    #expect(action("l1 1e-5") == .trainer(.set(.l1, 1e-5)))
    #expect(action("l2 1e-5") == .trainer(.set(.l2, 1e-5)))
    #expect(action("clip 1.0") == .trainer(.set(.clipNorm, 1)))
    #expect(action("clip off") == .trainer(.set(.clipNorm, nil)))
    #expect(action("patience 10") == .trainer(.set(.patience, 10)))
    #expect(action("patience 0") == .trainer(.set(.patience, 0)))
    #expect(action("threads 2") == .trainer(.set(.threads, 2)))
    #expect(action("clip-value off") == .trainer(.set(.clipValue, nil)))
    #expect(action("save") == .trainer(.saveCheckpoint(path: nil)))
    #expect(action("save runs/my model.safetensors ") == .trainer(.saveCheckpoint(path: "runs/my model.safetensors")))
    #expect(action("pause") == .trainer(.pause))
    #expect(action("resume") == .trainer(.resume))
    #expect(action("step") == .trainer(.step))
    #expect(action("stop") == .trainer(.stop(.manual)))
    #expect(action("smoothing 0.8") == .setSmoothing(0.8))
    #expect(action("log on") == .setLogScale(true))
    #expect(action("log off") == .setLogScale(false))
    #expect(action("help") == .showHelp)
    #expect(action("  LR   3e-4  ") == .trainer(.set(.learningRate, 3e-4)))
  }

  @Test func everyOptimizerAndScheduleNameParses() {
    for kind in OptimizerKind.allCases {
      #expect(action("optimizer \(kind.rawValue)") == .trainer(.setOptimizer(kind)))
    }
    for name in ScheduleName.allCases {
      #expect(action("schedule \(name.rawValue)") == .trainer(.setSchedule(name)))
    }
    #expect(action("optimizer AdamW") == .trainer(.setOptimizer(.adamw)))
  }

  @Test func invalidValuesGivePreciseErrors() {
    #expect(error("lr abc") == "lr: expected a positive number, got \"abc\"")
    #expect(error("lr -1e-3") == "lr: expected a positive number, got \"-1e-3\"")
    #expect(error("lr 0") == "lr: expected a positive number, got \"0\"")
    #expect(error("lr inf") == "lr: expected a positive number, got \"inf\"")
    #expect(error("lr nan") == "lr: expected a positive number, got \"nan\"")
    #expect(error("lr *x") == "lr: expected a positive factor after \"*\", got \"x\"")
    #expect(error("lr /0") == "lr: expected a positive divisor after \"/\", got \"0\"")
    #expect(error("momentum 1") == "momentum: expected a number in [0, 1), got \"1\"")
    #expect(error("momentum -0.1") == "momentum: expected a number in [0, 1), got \"-0.1\"")
    #expect(error("beta1 1.5") == "beta1: expected a number in [0, 1), got \"1.5\"")
    #expect(error("beta2 -1") == "beta2: expected a number in [0, 1), got \"-1\"")
    #expect(error("wd -1e-4") == "wd: expected a number ≥ 0, got \"-1e-4\"")
    #expect(error("l1 -1") == "l1: expected a number ≥ 0, got \"-1\"")
    #expect(error("l2 x") == "l2: expected a number ≥ 0, got \"x\"")
    #expect(error("patience -1") == "patience: expected a whole number in 0…1000000, got \"-1\"")
    #expect(error("patience 2.5") == "patience: expected a whole number in 0…1000000, got \"2.5\"")
    #expect(error("clip 0") == "clip: expected a positive number or \"off\", got \"0\"")
    #expect(error("smoothing 1") == "smoothing: expected a number in [0, 0.99], got \"1\"")
    #expect(error("log maybe") == "log: expected \"on\" or \"off\", got \"maybe\"")
  }

  @Test func unknownNamesSuggestTheClosest() {
    #expect(error("lrr 3e-4") == "unknown command \"lrr\"; did you mean \"lr\"?")
    #expect(error("optim adam") == "unknown command \"optim\"; did you mean \"optimizer\"?")
    #expect(error("puase") == "unknown command \"puase\"; did you mean \"pause\"?")
    #expect(error("optimizer adamww") == "optimizer: unknown optimizer \"adamww\"; did you mean \"adamw\"?")
    // adam and adamw are both one edit from adamx: the tie goes to the earlier name.
    #expect(error("optimizer adamx") == "optimizer: unknown optimizer \"adamx\"; did you mean \"adam\"?")
    #expect(error("schedule cosin") == "schedule: unknown schedule \"cosin\"; did you mean \"cosine\"?")
    #expect(PromptCommand.editDistance("kitten", "sitting") == 3)
    #expect(PromptCommand.closest(to: "x", among: []) == nil)
  }

  @Test func missingAndExtraArgumentsShowTheUsage() {
    #expect(error("lr") == "lr: missing value; usage: lr <rate> | lr *<factor> | lr /<divisor>")
    #expect(error("momentum") == "momentum: missing value; usage: momentum <a number in [0, 1)>")
    #expect(error("lr 1e-3 2") == "lr: unexpected argument \"2\"; usage: lr <rate> | lr *<factor> | lr /<divisor>")
    #expect(error("pause now") == "pause: unexpected argument \"now\"; usage: pause")
    #expect(error("clip") == "clip: missing value; usage: clip <a positive number> | clip off")
    #expect(error("") == "empty command")
    #expect(error("   ") == "empty command")
  }
}

/// `:run` and `:until` lines.
@Suite struct RunAndUntilPromptTests {
  @Test func runTakesStepsOrEpochsOrNothing() {
    #expect(PromptCommand.parse("run 100") == .success(.trainer(.run(.steps(100)))))
    #expect(PromptCommand.parse("run 2e") == .success(.trainer(.run(.epochs(2)))))
    #expect(PromptCommand.parse("run") == .success(.trainer(.resume)))
    for bad in ["run 0", "run -3", "run 1.5", "run e", "run 2x"] {
      guard case .failure = PromptCommand.parse(bad) else {
        Issue.record("accepted \(bad)")
        continue
      }
    }
  }

  @Test func untilTakesAMetricAComparisonAndAValue() {
    let above = PauseCondition(monitor: .validationAccuracy, above: true, value: 0.98)
    #expect(PromptCommand.parse("until val_accuracy>0.98") == .success(.trainer(.pauseWhen(above))))
    #expect(PromptCommand.parse("until val_accuracy > 0.98") == .success(.trainer(.pauseWhen(above))))
    let below = PauseCondition(monitor: .validationLoss, above: false, value: 0.05)
    #expect(PromptCommand.parse("until val_loss<0.05") == .success(.trainer(.pauseWhen(below))))
    #expect(PromptCommand.parse("until off") == .success(.trainer(.pauseWhen(nil))))
    guard case .failure(let error) = PromptCommand.parse("until val_acuracy>0.9") else {
      Issue.record("a misspelt metric was accepted")
      return
    }
    #expect(error.message.contains("did you mean \"val_accuracy\""), "\(error.message)")
    guard case .failure = PromptCommand.parse("until val_loss=0.1"),
      case .failure = PromptCommand.parse("until val_loss>inf")
    else {
      Issue.record("a bad comparison was accepted")
      return
    }
  }
}

@Suite struct UndoInputTests {
  @Test func uAndTheUndoCommandSendUndo() {
    #expect(PromptCommand.parse("undo") == .success(.trainer(.undo)))
    #expect(
      KeyMap.actions(for: .character("u"), ui: UIState(), snapshot: FakeSnapshot.mnist()) == [.trainer(.undo, .key)])
  }
}

@Suite struct EpochsPromptTests {
  @Test func epochsTakesAWholeNumber() {
    #expect(PromptCommand.parse("epochs 20") == .success(.trainer(.setEpochs(20))))
    for bad in ["epochs", "epochs 0", "epochs 2.5", "epochs 99999999999"] {
      guard case .failure = PromptCommand.parse(bad) else {
        Issue.record("accepted \(bad)")
        continue
      }
    }
  }
}

@Suite struct BatchPromptTests {
  @Test func batchTakesAWholeSize() {
    #expect(PromptCommand.parse("batch 256") == .success(.trainer(.setBatchSize(256))))
    #expect(
      PromptCommand.parse("batch 0")
        == .failure(.invalidValue(.batch, expected: "a whole batch size in 1…1048576", got: "0")))
    for bad in ["batch", "batch 2.5", "batch 2097152", "batch big"] {
      guard case .failure = PromptCommand.parse(bad) else {
        Issue.record("accepted \(bad)")
        continue
      }
    }
  }
}

@Suite struct DropoutPromptTests {
  @Test func dropoutTakesARateBelowOne() {
    #expect(PromptCommand.parse("dropout 0.3") == .success(.trainer(.setDropout(0.3))))
    #expect(PromptCommand.parse("dropout 0") == .success(.trainer(.setDropout(0))))
    guard case .failure = PromptCommand.parse("dropout 1"), case .failure = PromptCommand.parse("dropout -0.1") else {
      Issue.record("a rate outside [0, 1) was accepted")
      return
    }
  }
}
