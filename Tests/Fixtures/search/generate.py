"""Optuna reference values for traintop's search (Tests/SearchTests/OptunaOracleTests.swift).

Run: pip install optuna==5.1.0; python3 generate.py > optuna.json
Everything is computed by Optuna's own code (its private TPE internals for the Parzen estimator,
and real studies for the pruners); the test replays the same inputs through traintop's Search.
"""
import json

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_gamma, default_weights

optuna.logging.set_verbosity(optuna.logging.ERROR)
PARAMS = _ParzenEstimatorParameters(
    prior_weight=1.0, consider_magic_clip=True, consider_endpoints=False, weights=default_weights,
    multivariate=False)


def parzen(distribution, observations, points, kind):
    pe = _ParzenEstimator({"x": np.asarray(observations, dtype=float)}, {"x": distribution}, PARAMS)
    log_pdf = pe.log_pdf({"x": np.asarray(points, dtype=float)})
    case = {"kind": kind, "observations": observations, "points": points, "log_pdf": log_pdf.tolist()}
    if kind == "choice":
        case["choices"] = len(distribution.choices)
    else:
        case.update(low=distribution.low, high=distribution.high, log=distribution.log)
        d = pe._mixture_distribution.distributions[0]
        case["sigmas"] = d.sigma.tolist()
    return case


def pruner_study(pruner, direction, curves):
    """Each curve is one trial's per-epoch values, run one after another; records should_prune."""
    study = optuna.create_study(direction=direction, pruner=pruner)
    decisions = []
    for curve in curves:
        trial = study.ask()
        row = []
        pruned = False
        for epoch, value in enumerate(curve, start=1):
            trial.report(value, epoch)
            pruned = trial.should_prune()
            row.append(bool(pruned))
            if pruned:
                break
        decisions.append(row)
        if pruned:
            study.tell(trial, state=optuna.trial.TrialState.PRUNED)
        else:
            study.tell(trial, curve[-1])
    return {"direction": direction, "curves": curves, "decisions": decisions}


rng = np.random.RandomState(0)
curves = [np.round(np.cumsum(rng.uniform(0.0, 0.1, 6)) + rng.uniform(0.3, 0.6), 4).tolist() for _ in range(16)]
falling = [[round(1.5 - v, 4) for v in curve] for curve in curves]

out = {
    "optuna": optuna.__version__,
    "gamma": {str(n): default_gamma(n) for n in [1, 9, 10, 11, 100, 249, 251, 300]},
    "weights30": default_weights(30).tolist(),
    "parzen": [
        parzen(FloatDistribution(0.0, 1.0), [0.2, 0.5, 0.55, 0.9], [0.0, 0.1, 0.5, 0.77, 1.0], "uniform"),
        parzen(FloatDistribution(0.0, 1.0), [], [0.3], "uniform"),
        parzen(FloatDistribution(0.0, 0.5), [0.05], [0.0, 0.25], "uniform"),
        parzen(FloatDistribution(1e-4, 1e-1, log=True), [1e-3, 2e-3, 5e-2], [1e-4, 3e-3, 0.02, 0.1], "log-uniform"),
        parzen(IntDistribution(16, 256, log=True), [32, 64, 64, 200], [16, 50, 64, 256], "int-log"),
        parzen(IntDistribution(1, 10), [2, 3, 9], [1, 2, 5, 10], "int"),
        parzen(CategoricalDistribution(["adam", "sgd", "rmsprop"]), [0, 0, 2], [0, 1, 2], "choice"),
        parzen(FloatDistribution(0.0, 1.0), [x / 29 for x in range(30)], [0.5, 0.99], "uniform"),
    ],
    "median": [
        pruner_study(optuna.pruners.MedianPruner(), "maximize", curves),
        pruner_study(optuna.pruners.MedianPruner(), "minimize", falling),
    ],
    "asha": [
        pruner_study(optuna.pruners.SuccessiveHalvingPruner(), "maximize", curves),
        pruner_study(optuna.pruners.SuccessiveHalvingPruner(), "minimize", falling),
    ],
}
print(json.dumps(out, indent=1))
