// The step loop's speed on a hand-built CUBA network (4,000 LIF neurons, exact integration, 3 state buffers,
// 2% random connectivity, 1 s at 0.1 ms), with 1 and 2 threads. Off by default; measure in a release build:
//   SNNC_RUNTIME_BENCH=1 SNNC_TARGET_CPU=native swift test -c release --filter CUBABenchmark

import Foundation
import SNNPlan
import SNNRuntime
import Testing

@Suite struct CUBABenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SNNC_RUNTIME_BENCH"] != nil))
    func cubaStepLoop() {
        let plan = Build.cubaNetwork(size: 4000, seconds: 1)
        for threads in [1, 2] {
            var best = Double.infinity
            var result: RunResult?
            for _ in 0..<5 {
                var options = RunOptions(threads: threads)
                options.exactThreadCount = true
                let run = Simulator.run(plan, options: options)
                best = min(best, run.simulationSeconds)
                result = run
            }
            let spikes = result!.populationSpikeCounts.joined().reduce(0) { $0 + Int($1) }
            print(String(format: "CUBA 4000, %d thread(s): step loop %.1f ms (best of 5), %d spikes, %d events",
                         threads, best * 1e3, spikes, result!.synapticEvents))
            #expect(result!.completedSteps == 10_000)
        }
    }
}
