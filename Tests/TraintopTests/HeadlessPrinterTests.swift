import Testing
import Training

@testable import traintop

@Suite struct HeadlessPrinterTests {
  static func snapshot(events: ClosedRange<Int>) -> TrainingSnapshot {
    var s = TrainingSnapshot(
      info: RunInfo(
        datasetName: "iris", modelSummary: "mlp 4-16-3 relu", isClassification: true,
        totalEpochs: 3, stepsPerEpoch: 4, batchSize: 30))
    s.events = events.map {
      TrainingEvent(
        sequence: $0, time: 0, step: $0, epoch: 1, detail: .nonFiniteSkipped(loss: .nan, gradientNorm: 1, inARow: 1))
    }
    return s
  }

  @Test func eventsArePrintedBySequenceEvenAfterTheSnapshotDropsOldOnes() {
    var printer = HeadlessPrinter(jsonl: false)
    // The snapshot keeps the newest 200; sequence numbers say which are new.
    printer.update(Self.snapshot(events: 1...200))
    #expect(printer.lastEventSequence == 200)
    var s = Self.snapshot(events: 101...300)
    s.events.append(TrainingEvent(sequence: 301, time: 0, step: 301, epoch: 3, detail: .finished(.nonFinite)))
    printer.update(s)
    #expect(printer.lastEventSequence == 301)
  }

  /// A long run's snapshot thins its older epochs (`EpochHistory`): lines follow epoch numbers.
  @Test func epochsArePrintedByNumberOnceEach() {
    var printer = HeadlessPrinter(jsonl: false, skipEpochs: 100)
    var s = Self.snapshot(events: 1...1)
    s.epochs = [1, 50, 99, 100, 101, 102].map {
      EpochMetrics(
        epoch: $0, trainLoss: 1, trainMetric: 0, validationLoss: 1, validationMetric: 0, learningRate: 1e-3,
        seconds: 1, samplesPerSecond: 1)
    }
    #expect(printer.newLines(s).map { $0.prefix(13) } == ["Epoch 101/3 -", "Epoch 102/3 -"])
    s.epochs.removeFirst(2)  // thinned
    #expect(printer.newLines(s).isEmpty)
    s.epochs.append(
      EpochMetrics(
        epoch: 103, trainLoss: 1, trainMetric: 0, validationLoss: 1, validationMetric: 0, learningRate: 1e-3,
        seconds: 1, samplesPerSecond: 1))
    #expect(printer.newLines(s).map { $0.prefix(13) } == ["Epoch 103/3 -"])
    #expect(s.epochsDone == 103)
  }

  @Test func epochLinesAreKerasLike() {
    let printer = HeadlessPrinter(jsonl: false)
    let m = EpochMetrics(
      epoch: 2, trainLoss: 0.5, trainMetric: 0.8, validationLoss: 0.6, validationMetric: 0.75,
      learningRate: 1.25e-3, seconds: 2.06, samplesPerSecond: 28_437)
    #expect(
      printer.line(m, Self.snapshot(events: 1...1))
        == "Epoch 2/3 - 2.1s - loss: 0.5000 - acc: 0.8000 - val_loss: 0.6000 - val_acc: 0.7500 - lr: "
        + "1.25e-3 - 28.4k samples/s"
    )
    #expect(
      HeadlessPrinter(jsonl: true).json(m, Self.snapshot(events: 1...1))
        == #"{"epoch":2,"seconds":2.06,"loss":0.5,"acc":0.8,"val_loss":0.6,"val_acc":0.75,"#
        + #""lr":0.00125,"samples_per_sec":28437}"#
    )
  }

  @Test func eventLinesNameTheKindAndStep() {
    let printer = HeadlessPrinter(jsonl: false)
    let event = TrainingEvent(
      sequence: 1, time: 0, step: 12, epoch: 1,
      detail: .earlyStop(.patienceExhausted, monitor: "val_loss", bestEpoch: 3))
    #expect(printer.eventLine(event) == "  [stop] step 12: early stop: patience exhausted; best val_loss at epoch 3")
  }
}

@Suite struct SignalHandlerTests {
  /// A lost terminal counts as a hangup (exit 129), but never overrides a signal that came first.
  @Test func lostTerminalExitsLikeAHangup() {
    let handler = SignalHandler(channel: TrainerChannel())
    #expect(handler.exitCode == nil)
    handler.noteHangup()
    #expect(handler.exitCode == 129)
    handler.noteHangup()
    #expect(handler.exitCode == 129)
  }
}
