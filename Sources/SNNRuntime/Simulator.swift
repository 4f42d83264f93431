// Simulator: the entry point of SNNRuntime — runs an ExecutionPlan step by step and returns a RunResult.
// Setup (buffers, compiled programs, per-worker synapse views, threads, initial values) is timed apart from the
// step loop. Worker 0 is the calling thread; the others are long-lived threads that meet it at one barrier per
// step (see Engine).

import Foundation
import SNNPlan

public struct RunOptions: Sendable {
    /// Worker threads (1 = everything on the calling thread). Results are bit-identical for any count.
    /// By default this is an upper bound: a plan whose step is too small to pay for a barrier runs on fewer
    /// threads (see `Simulator.automaticThreadCount`); 0 or less means "as many as there are cores".
    public var threads: Int
    /// Use exactly `threads` workers, however small the plan (for determinism tests and measurements).
    public var exactThreadCount = false
    /// Called from the simulating thread about every 1% of the run with the completed steps.
    public var progress: (@Sendable (Int) -> Void)?
    /// Polled every step; true stops the run after the current step (Ctrl-C).
    public var stopRequested: @Sendable () -> Bool

    public init(threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil,
                stopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.threads = threads
        self.progress = progress
        self.stopRequested = stopRequested
    }
}

public enum Simulator {
    public static func run(_ plan: ExecutionPlan, options: RunOptions = RunOptions()) -> RunResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let workers = threadCount(for: plan, options: options)
        let engine = Engine(plan: plan, options: options, workers: workers)
        guard engine.initialize() else {
            let setup = seconds(since: start)
            return engine.result(simulationSeconds: 0, setupSeconds: setup)
        }
        let loopStart = DispatchTime.now().uptimeNanoseconds
        let setup = Double(loopStart - start) * 1e-9
        engine.run(from: 0, to: engine.steps)
        return engine.result(simulationSeconds: seconds(since: loopStart), setupSeconds: setup)
    }

    /// The workers a run uses: `automaticThreadCount` capped by `options.threads`, or exactly `options.threads`
    /// with `exactThreadCount`.
    public static func threadCount(for plan: ExecutionPlan, options: RunOptions) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if options.exactThreadCount { return Swift.max(options.threads, 1) }
        let limit = options.threads > 0 ? options.threads : cores
        return Swift.min(limit, automaticThreadCount(for: plan, available: cores))
    }

    /// Threads worth using for `plan`: one per 20,000 neuron-updates of estimated work per step (a synaptic
    /// event counts 15, at an assumed 10 Hz of firing, twice for a learning synapse; a source ¼), at least 1, at most
    /// `available`.
    public static func automaticThreadCount(for plan: ExecutionPlan,
                                            available: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        Partition.automaticThreadCount(plan, available: available)
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }
}
