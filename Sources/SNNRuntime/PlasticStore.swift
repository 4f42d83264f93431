// PlasticStore: one worker's learning state for one plastic projection — its synapses' per-synapse variables
// (variable 0 is the view's weight buffer itself, so propagation reads learned weights directly), the step each
// synapse's decaying variables were last brought up to date, each synapse's index in the plan (to write
// weights back in plan order), and a transposed index of its synapses by target (the columns `on post` and
// `normalize` walk), plus its own copy of the presynaptic traces (every worker applies the same presynaptic
// events to its copy, so copies stay identical without sharing), and which rows have consecutive targets (an
// all-to-all row's postsynaptic traces are copied into the lanes rather than gathered); for synapses that see
// spikes late (delays over one step), their lags and the record of recent presynaptic activity they read.

import SNNPlan

final class PlasticStore: @unchecked Sendable {
    let view: SynapseView
    let variables: [AlignedBuffer<Float>]
    let lastUpdate: AlignedBuffer<Int32>?
    /// Each synapse's index in the plan.
    let origin: AlignedBuffer<Int32>
    /// Columns of this worker's targets `targetRange`: synapses `columnStart[t - lower] ..< columnStart[t - lower + 1]`.
    let targetRange: Range<Int>
    let columnStart: AlignedBuffer<Int32>
    let columnSynapse: AlignedBuffer<Int32>
    let columnSource: AlignedBuffer<Int32>
    let preTraces: [AlignedBuffer<Float>]
    /// Per row: its first target when its targets are consecutive (post traces are then copied, not gathered), else -1.
    let rowRun: AlignedBuffer<Int32>
    /// Base pointers of `variables` and `preTraces`, for the lane loops.
    let variablePointers: AlignedBuffer<UnsafeMutablePointer<Float>>
    let preTracePointers: AlignedBuffer<UnsafeMutablePointer<Float>>
    /// Nil when every synapse sees spikes in the step they were sent (one-step delays).
    let lags: PresynapticLags?
    let history: PresynapticHistory?

    init(plan: PlasticityPlan, view: SynapseView, targetRange: Range<Int>, sourceSize: Int, uniformDelay: Int) {
        self.view = view
        guard let origin = view.origin else { preconditionFailure("a learning projection's view keeps its synapses' origins") }
        let count = view.synapseCount
        var variables = [view.weights]
        for variable in plan.synapticVariables.dropFirst() {
            let buffer = AlignedBuffer<Float>(count: count)
            for s in 0..<count {
                buffer[s] = variable.initial.count == 1 ? variable.initial[0] : variable.initial[Int(origin[s])]
            }
            variables.append(buffer)
        }
        self.variables = variables
        let decays = plan.synapticVariables.contains { $0.decayPerStep != 1 }
        lastUpdate = decays ? AlignedBuffer(count: count) : nil
        self.origin = origin
        self.targetRange = targetRange

        // Columns: counting sort of the synapses by target, rows (sources) ascending within a column.
        let width = targetRange.count
        var starts = [Int32](repeating: 0, count: width + 1)
        let targets = view.targets.pointer
        for s in 0..<count { starts[Int(targets[s]) - targetRange.lowerBound + 1] += 1 }
        for t in 0..<width { starts[t + 1] += starts[t] }
        var cursor = starts
        let synapses = AlignedBuffer<Int32>(count: count), sources = AlignedBuffer<Int32>(count: count)
        let rows = view.rowStart.count - 1
        for row in 0..<rows {
            for s in Int(view.rowStart[row])..<Int(view.rowStart[row + 1]) {
                let column = Int(targets[s]) - targetRange.lowerBound
                let k = Int(cursor[column])
                synapses[k] = Int32(s)
                sources[k] = Int32(row)
                cursor[column] += 1
            }
        }
        columnStart = AlignedBuffer(starts)
        columnSynapse = synapses
        columnSource = sources
        preTraces = plan.preTraces.map { AlignedBuffer([Float](repeating: $0.initial, count: paddedCount(sourceSize))) }
        rowRun = AlignedBuffer((0..<rows).map { row in
            let start = Int(view.rowStart[row]), end = Int(view.rowStart[row + 1])
            guard start < end else { return -1 }
            let consecutive = (start..<end).allSatisfy { Int(targets[$0]) == Int(targets[start]) + $0 - start }
            return consecutive ? targets[start] : -1
        })
        variablePointers = AlignedBuffer(variables.map(\.pointer))
        preTracePointers = AlignedBuffer(preTraces.map(\.pointer))
        lags = PresynapticLags(view: view, uniformDelay: uniformDelay, columnSynapse: synapses)
        history = lags.map { PresynapticHistory(maxLag: $0.maxLag, traceCount: plan.preTraces.count, sourceSize: sourceSize) }
    }

    /// Each synapse's weight at its index in the plan.
    func writeWeights(into weights: inout [Float]) {
        for s in 0..<view.synapseCount { weights[Int(origin[s])] = view.weights[s] }
    }

    /// Sets the weights from plan order.
    func readWeights(_ weights: [Float]) {
        for s in 0..<view.synapseCount { view.weights[s] = weights[Int(origin[s])] }
    }

    /// Scales every target's incoming weights so that they add up to `total` (targets without weight keep theirs).
    func normalize(to total: Float) {
        let w = view.weights.pointer
        for column in 0..<targetRange.count {
            let start = Int(columnStart[column]), end = Int(columnStart[column + 1])
            var sum: Float = 0
            for k in start..<end { sum += w[Int(columnSynapse[k])] }
            guard sum > 0 else { continue }
            let factor = total / sum
            for k in start..<end { w[Int(columnSynapse[k])] *= factor }
        }
    }
}
