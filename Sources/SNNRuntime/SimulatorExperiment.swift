// Simulator.runExperiment: the entry point for a plan with an experiment (train, evaluate, assign labels,
// save, load) — one Engine for the whole experiment, its steps run by ExperimentRunner.

import Foundation
import SNNPlan

extension Simulator {
    /// With `checkpoint`, training writes a checkpoint every `interval` samples (and removes it when the
    /// experiment completes); with `resume`, an existing checkpoint is restored before the experiment goes on.
    public static func runExperiment(_ plan: ExecutionPlan, options: RunOptions = RunOptions(), files: ExperimentFiles,
                                     checkpoint: CheckpointOptions? = nil,
                                     progress: ((ExperimentProgress) -> Void)? = nil) -> ExperimentResult {
        precondition(plan.experiment != nil, "runExperiment needs a plan with an experiment")
        let start = DispatchTime.now().uptimeNanoseconds
        var quiet = options
        quiet.progress = nil
        let engine = Engine(plan: plan, options: quiet, workers: threadCount(for: plan, options: options))
        let runner = ExperimentRunner(engine: engine, experiment: plan.experiment!, files: files, progress: progress)
        var resumed = false
        if let checkpoint {
            runner.checkpointInterval = checkpoint.interval
            runner.checkpoint = { runner in
                do { try Checkpoint.write(runner, to: checkpoint.path) } catch {
                    runner.failure = "could not write the checkpoint '\(checkpoint.path)': \(error.localizedDescription)"
                }
            }
        }
        let loopStart = DispatchTime.now().uptimeNanoseconds
        if engine.initialize() {
            if let checkpoint, checkpoint.resume, FileManager.default.fileExists(atPath: checkpoint.path) {
                do {
                    try Checkpoint.read(into: runner, from: checkpoint.path)
                    resumed = true
                } catch {
                    runner.failure = "\(error)"
                }
            }
            if runner.failure == nil, runner.run(), let checkpoint, runner.failure == nil {
                try? FileManager.default.removeItem(atPath: checkpoint.path)
            }
        }
        let end = DispatchTime.now().uptimeNanoseconds
        let run = engine.result(simulationSeconds: Double(end - loopStart) * 1e-9,
                                setupSeconds: Double(loopStart - start) * 1e-9)
        let results = runner.state.results
        return ExperimentResult(run: run, trainings: results.trainings, evaluations: results.evaluations,
                                assignments: results.assignments, savedFiles: results.saved, failure: runner.failure,
                                resumedFrom: resumed ? checkpoint?.path : nil,
                                learnedWeights: engine.learnedWeights())
    }
}
