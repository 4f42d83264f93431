// BPSTDP: supervised learning by BP-STDP (Tavanaei & Maida 2019) at run time. While a `train` block with
// `target = label` presents a sample, the label's output neuron has a teacher: a Bernoulli train of probability
// target_rate·dt per step, drawn from CounterRNG on a stream of its own (ExecutionPlan.teacherStream), keyed by
// the step only. At each teacher spike, and only then:
//   output error  ξ_i = +1 for the label's neuron if it did not fire in the window, −1 for another neuron that
//                 did, else 0;
//   a layer pre → post changes  Δw = μ · δ_post · (spikes of pre in the window), where δ_output = ξ and a hidden
//                 population's δ_h = (Σ_i δ_i w_ih over the layers out of h, with the weights from before this
//                 update) if h fired in the window, else 0.
// Windows are the last ε steps, the current one included (SpikeWindow), cleared when a sample starts.
// Threads: the update needs every worker's spikes and the weights of every worker's view, so worker 0 makes it
// alone. At a teacher step all workers first meet at one extra barrier (after every worker has propagated with
// the old weights); then worker 0 updates while the others go on with phase A of the next step, which reads no
// weight — the step's barrier keeps phase B waiting for it. Worker 0 walks the synapses in the plan's order, so
// sums and results are bit-identical for any thread count.

import SNNPlan

final class SupervisedLearning: @unchecked Sendable {
    /// One bp_stdp projection, in plan order: CSR rows by presynaptic neuron and the address of each weight.
    struct Layer {
        let learningRate: Float
        let rowStart: AlignedBuffer<Int32>
        let targets: AlignedBuffer<Int32>
        let weights: AlignedBuffer<UnsafeMutablePointer<Float>>
        let pre: SpikeWindow
        let post: SpikeWindow
        let postError: AlignedBuffer<Float>
        /// The error of the presynaptic population when it is a hidden layer (nil for an input).
        let preError: AlignedBuffer<Float>?
        /// Whether this is the first layer into a hidden population: it applies the "fired in the window" gate.
        let gatesPost: Bool
    }

    let layers: [Layer]
    let windows: [SpikeWindow]
    let output: SpikeWindow
    let outputError: AlignedBuffer<Float>
    let hiddenErrors: [AlignedBuffer<Float>]
    /// The label's output neuron while a sample is taught; nil otherwise.
    private(set) var label: Int?
    private(set) var probability = 0.0
    /// The presentation's summed squared output errors and its teacher spikes so far.
    private var squaredErrors = 0.0, teacherSpikes = 0

    init(plan: SupervisedPlan, projections: [ProjectionState], projectionPlans: [ProjectionPlan], groupSizes: [Int]) {
        var windows: [Int: SpikeWindow] = [:]
        func window(_ group: Int) -> SpikeWindow {
            if let existing = windows[group] { return existing }
            let created = SpikeWindow(group: group, size: groupSizes[group], steps: plan.windowSteps)
            windows[group] = created
            return created
        }
        var errors: [Int: AlignedBuffer<Float>] = [:]
        for layer in plan.layers {
            let target = projectionPlans[layer.projection].target
            if errors[target] == nil { errors[target] = AlignedBuffer(count: paddedCount(groupSizes[target])) }
        }
        var gated: Set<Int> = [plan.output]
        layers = plan.layers.map { layer in
            let projection = projections[layer.projection], source = projectionPlans[layer.projection]
            let pointers = AlignedBuffer<UnsafeMutablePointer<Float>>(count: source.synapseCount)
            for view in projection.views {
                guard let origin = view.origin else { preconditionFailure("a bp_stdp view keeps its synapses' origins") }
                for s in 0..<view.synapseCount { pointers[Int(origin[s])] = view.weights.pointer + s }
            }
            // A source population's group index is its population index (populations come first).
            var preError: AlignedBuffer<Float>?
            if case .population(let p) = source.source { preError = errors[p] }
            return Layer(learningRate: layer.learningRate, rowStart: AlignedBuffer(source.rowStart),
                         targets: AlignedBuffer(source.targets), weights: pointers,
                         pre: window(projection.sourceGroup), post: window(source.target),
                         postError: errors[source.target]!, preError: preError,
                         gatesPost: gated.insert(source.target).inserted)
        }
        self.windows = windows.keys.sorted().map { windows[$0]! }
        output = windows[plan.output]!
        outputError = errors[plan.output]!
        hiddenErrors = errors.filter { $0.key != plan.output }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Teaches the next presentation: the label's output neuron gets the teacher; the windows start empty.
    func begin(label: Int, teacher: TeacherPlan) {
        self.label = label
        probability = teacher.probability
        windows.forEach { $0.clear() }
        squaredErrors = 0
        teacherSpikes = 0
    }

    /// The presentation's loss: the output error Σ_i ξ_i² averaged over its teacher spikes (0 without any).
    var presentationLoss: Double { teacherSpikes > 0 ? squaredErrors / Double(teacherSpikes) : 0 }

    /// No teacher until the next `begin`.
    func end() { label = nil }

    /// Worker `context`'s part of step `step`, after propagation (learning on): see the file's header.
    func step(_ context: WorkerContext, contexts: [WorkerContext], step: Int, parity: Int, seed: UInt64,
              barrier: SpinBarrier, spins: inout Int) {
        guard let label else { return }
        let teaches = CounterRNG.unit(seed: seed, stream: ExecutionPlan.teacherStream, counter: UInt64(step),
                                      index: 0) < probability
        if teaches { barrier.wait(spins: &spins) }
        guard context.index == 0 else { return }
        for window in windows { window.record(step: step, parity: parity, contexts: contexts) }
        if teaches { update(label: label) }
    }

    /// One BP-STDP update at a teacher spike for class `label`.
    func update(label: Int) {
        let xi = outputError.pointer, fired = output.counts.pointer
        var wrong = false
        for i in 0..<output.size {
            let spiked = fired[i] > 0
            xi[i] = i == label ? (spiked ? 0 : 1) : (spiked ? -1 : 0)
            wrong = wrong || xi[i] != 0
            squaredErrors += Double(xi[i] * xi[i])
        }
        teacherSpikes += 1
        guard wrong else { return }
        for error in hiddenErrors { error.pointer.update(repeating: 0, count: error.count) }
        for layer in layers { apply(layer) }
    }

    private func apply(_ layer: Layer) {
        let delta = layer.postError.pointer, postCounts = layer.post.counts.pointer
        if layer.gatesPost {
            for h in 0..<layer.post.size where postCounts[h] == 0 { delta[h] = 0 }
        }
        let rowStart = layer.rowStart.pointer, targets = layer.targets.pointer, weights = layer.weights.pointer
        let rows = layer.rowStart.count - 1
        if let preError = layer.preError?.pointer {
            for j in 0..<rows {
                var sum: Float = 0
                for s in Int(rowStart[j])..<Int(rowStart[j + 1]) { sum += delta[Int(targets[s])] * weights[s].pointee }
                preError[j] += sum
            }
        }
        let preCounts = layer.pre.counts.pointer
        for j in 0..<rows where preCounts[j] > 0 {
            let c = layer.learningRate * preCounts[j]
            for s in Int(rowStart[j])..<Int(rowStart[j + 1]) { weights[s].pointee += c * delta[Int(targets[s])] }
        }
    }
}
