import ArgumentParser
import Dashboard
import Datasets
import NN
import Training

// Options whose value is one of a few names: swift-argument-parser parses them and lists the
// names in `--help`; a config file's text goes through `init?(argument:)` too.

extension OptimizerKind: ExpressibleByArgument {}
extension ActivationKind: ExpressibleByArgument {}
extension Initializer: ExpressibleByArgument {}
extension LossKind: ExpressibleByArgument {}
extension ScheduleName: ExpressibleByArgument {}
extension PlateauConvention: ExpressibleByArgument {}
extension EarlyStoppingMonitor: ExpressibleByArgument {}
extension NonFinitePolicy: ExpressibleByArgument {}
extension Scaling: ExpressibleByArgument {}
extension DatasetOptions.TaskKind: ExpressibleByArgument {}
extension DatasetOptions.Imputation: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}
extension OnOff: ExpressibleByArgument {}
