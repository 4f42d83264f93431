// Simulator: the entry point of SNNRuntime — runs an ExecutionPlan step by step and returns a RunResult.

import SNNPlan

public struct RunOptions: Sendable {
    /// Worker threads (1 = everything on the calling thread). Results are bit-identical for any count.
    public var threads: Int
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
        RunResult(completedSteps: 0, dt: plan.dt, populationSpikeCounts: [], sourceSpikeCounts: [], recordings: [],
                  synapticEvents: 0, simulationSeconds: 0, setupSeconds: 0, threads: options.threads,
                  stoppedByUser: false, divergence: nil)
    }
}
