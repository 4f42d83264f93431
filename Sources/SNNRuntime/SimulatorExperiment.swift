// Simulator.runExperiment: the entry point for a plan with an experiment (train, evaluate, assign labels,
// save, load) — one Engine for the whole experiment, its steps run by ExperimentRunner.

import Foundation
import SNNPlan

extension Simulator {
    public static func runExperiment(_ plan: ExecutionPlan, options: RunOptions = RunOptions(), files: ExperimentFiles,
                                     progress: ((ExperimentProgress) -> Void)? = nil) -> ExperimentResult {
        precondition(plan.experiment != nil, "runExperiment needs a plan with an experiment")
        let start = DispatchTime.now().uptimeNanoseconds
        var quiet = options
        quiet.progress = nil
        let engine = Engine(plan: plan, options: quiet, workers: threadCount(for: plan, options: options))
        let runner = ExperimentRunner(engine: engine, experiment: plan.experiment!, files: files, progress: progress)
        let loopStart = DispatchTime.now().uptimeNanoseconds
        if engine.initialize() { _ = runner.run() }
        let end = DispatchTime.now().uptimeNanoseconds
        let run = engine.result(simulationSeconds: Double(end - loopStart) * 1e-9,
                                setupSeconds: Double(loopStart - start) * 1e-9)
        return ExperimentResult(run: run, trainings: runner.result.trainings, evaluations: runner.result.evaluations,
                                assignments: runner.result.assignments, savedFiles: runner.result.saved,
                                failure: runner.result.failure)
    }
}
