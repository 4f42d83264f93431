// Checkpoints: a training run stopped part-way (as if killed after its last checkpoint) and resumed from the
// checkpoint ends with exactly the weights and evaluation of a run that was never interrupted.

import Foundation
@testable import SNNDriver
import SNNPlan
import SNNRuntime
import Testing

/// Counts the steps a run has asked about and asks it to stop after `limit` of them.
final class StepBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var steps = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func exhausted() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        steps += 1
        return steps > limit
    }
}

@Suite struct CheckpointTests {
    /// Per-synapse delays up to 1.5 ms, fields firing until a sample ends (36 ms; their latest is 40 ms) and a rest of 0.3 ms:
    /// spikes are still on their way to the learning synapses when a checkpoint is taken, and must be in it.
    static let model = ExperimentTests.iris
        .replacingOccurrences(of: "delay = 1 ms", with: "delay = uniform(0.5 ms, 1.5 ms)")
        .replacingOccurrences(of: "latest = 20 ms", with: "latest = 40 ms") + """
        train on iris.train, epochs = 2, samples = 30 {
          present 36 ms, rest 0.3 ms
          reward +1 when argmax(spike_count(out)) == label else -1
        }
        save weights of fields -> out to "trained.snnw"
        evaluate on iris.test { predict = argmax(spike_count(out)) }
        """

    func run(folder: URL, stopAfterSteps: Int? = nil, resume: Bool = false, threads: Int = 1) throws -> ExperimentResult {
        var errors = ""
        let io = CLIIO(readFile: { _ in Array(Self.model.utf8) }, readStandardInput: { [] }, writeOutput: { _ in },
                       writeError: { errors += $0 }, environment: [:], outputIsTerminal: false)
        let planned = try RunCommand.planModel(path: RepositoryFiles.url("Examples/test_model.snn").path,
                                               dataFolder: RepositoryFiles.sharedData, io: io)
        let (plan, _, _) = try #require(planned, "\(errors)")
        let budget = stopAfterSteps.map { StepBudget(limit: $0) }
        var options = RunOptions(threads: threads, stopRequested: { @Sendable in budget?.exhausted() ?? false })
        options.exactThreadCount = true
        let directory = folder.path
        let files = ExperimentFiles(output: { @Sendable in (directory as NSString).appendingPathComponent($0) },
                                    input: { @Sendable _ in nil })
        let checkpoint = CheckpointOptions(path: folder.appendingPathComponent("run.checkpoint").path, interval: 7,
                                           resume: resume)
        return Simulator.runExperiment(plan, options: options, files: files, checkpoint: checkpoint)
    }

    @Test(arguments: [1, 2])
    func aStoppedTrainingResumesToTheUninterruptedResult(threads: Int) throws {
        let straight = try ExperimentTests.temporaryFolder(), interrupted = try ExperimentTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: straight)
            try? FileManager.default.removeItem(at: interrupted)
        }
        let reference = try run(folder: straight, threads: threads)
        #expect(reference.failure == nil)
        #expect(!FileManager.default.fileExists(atPath: straight.appendingPathComponent("run.checkpoint").path),
                "a completed experiment leaves no checkpoint")

        // 60 samples of 363 steps: stop in the 56th, after the checkpoint taken at sample 49.
        let stopped = try run(folder: interrupted, stopAfterSteps: 40 * 500 + 200, threads: threads)
        #expect(stopped.run.stoppedByUser && stopped.evaluations.isEmpty)
        #expect(FileManager.default.fileExists(atPath: interrupted.appendingPathComponent("run.checkpoint").path))
        let resumed = try run(folder: interrupted, resume: true, threads: threads)
        #expect(resumed.failure == nil && resumed.resumedFrom != nil)

        let a = try #require(reference.evaluations.first), b = try #require(resumed.evaluations.first)
        #expect(a.confusion == b.confusion && a.unpredicted == b.unpredicted)
        #expect(reference.trainings.first?.samplesShown == 60 && resumed.trainings.first?.samplesShown == 60)
        #expect(reference.trainings.first?.lastEpochCorrect == resumed.trainings.first?.lastEpochCorrect)
        let weightsA = try Data(contentsOf: straight.appendingPathComponent("trained.snnw"))
        let weightsB = try Data(contentsOf: interrupted.appendingPathComponent("trained.snnw"))
        #expect(weightsA == weightsB)
    }

    @Test func aCheckpointOfAnotherThreadCountIsRefused() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try run(folder: folder, stopAfterSteps: 10 * 500, threads: 1)
        let resumed = try run(folder: folder, resume: true, threads: 2)
        #expect(resumed.failure?.contains("thread count") == true, "\(resumed.failure ?? "no failure")")
    }
}
