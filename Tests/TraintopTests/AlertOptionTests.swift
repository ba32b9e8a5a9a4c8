import ArgumentParser
import Foundation
import Testing
import Training

@testable import traintop

/// `--on-alert` and the `--alert-…` thresholds: read once, bad text named, defaults left alone.
@Suite struct AlertOptionTests {
  func plan(_ arguments: [String]) throws -> RunPlan {
    try RunPlan(options: TrainOptions.parse(["digits"] + arguments), config: ConfigFile())
  }

  func message(_ arguments: [String]) -> String? {
    do {
      _ = try plan(arguments)
      return nil
    } catch let error as ValidationError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  @Test func noAlertOptionsMeansTheDefaults() throws {
    #expect(try plan([]).trainer.alerts == nil)
  }

  @Test func actionsAndThresholdsAreRead() throws {
    let alerts = try #require(
      try plan([
        "--on-alert", "loss-spike=pause", "--on-alert", "stall=lr*0.5,all=none,overfitting=stop",
        "--alert-spike-sigma", "5", "--alert-stall-steps", "300",
      ]).trainer.alerts)
    // Later entries win: `all=none` clears the spike and stall actions before overfitting=stop.
    #expect(alerts.actions[.lossSpike] == AlertAction.none)
    #expect(alerts.actions[.stall] == AlertAction.none)
    #expect(alerts.action(for: .overfitting) == .stop)
    #expect(alerts.spikeSigma == 5)
    #expect(alerts.stallSteps == 300)
    #expect(try plan(["--on-alert", "stall=lr*0.25"]).trainer.alerts?.action(for: .stall) == .scaleLearningRate(0.25))
  }

  @Test func badActionsAreNamed() {
    #expect(
      message(["--on-alert", "spikes=pause"])
        == "--on-alert: expected an alert kind (loss-spike, stall, exploding-gradients, vanishing-gradients, "
        + "dead-units, overfitting, oscillation or all), got 'spikes'")
    #expect(message(["--on-alert", "stall"]) == "--on-alert: expected KIND=ACTION, got 'stall'")
    #expect(
      message(["--on-alert", "stall=halve"])
        == "--on-alert: expected none, pause, stop or lr*F (e.g. lr*0.5) after 'stall=', got 'halve'")
    #expect(message(["--alert-dead-fraction", "2"]) == "--alert-dead-fraction: expected a number in [0, 1], got 2")
    #expect(message(["--alert-stall-steps", "2.5"])?.hasPrefix("--alert-stall-steps: expected a whole number") == true)
  }

  @Test func aHeadlessRunCannotPauseOnAnAlert() {
    #expect(
      message(["--headless", "--on-alert", "oscillation=pause"])
        == "--on-alert oscillation=pause: a headless run cannot be resumed; use stop or lr*F")
    #expect(message(["--headless", "--on-alert", "oscillation=stop"]) == nil)
  }
}
