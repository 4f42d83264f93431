// RecordingWriter: writes each recording of a run as CSV and as NumPy `.npy` files in the output folder —
// spikes as `NAME.csv` (t_ms, neuron) plus `NAME_t.npy` (ms) and `NAME_i.npy`; traces as `NAME.csv` (t_ms, then
// one column per neuron, in the variable's display unit) plus `NAME.npy` (samples × neurons) and `NAME_t.npy`;
// weights as `NAME.csv` (source, target, weight) plus `NAME.npy`. Returns the paths written.

import Foundation
import SNNPlan
import SNNRuntime

struct RecordingWriter {
    let plan: ExecutionPlan
    let folder: String

    func write(_ result: RunResult) throws -> [String] {
        guard !result.recordings.isEmpty else { return [] }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (recorder, recording) in zip(plan.recorders, result.recordings) {
            let base = (folder as NSString).appendingPathComponent(recorder.name)
            switch recording {
            case .spikes(let steps, let neurons):
                let times = steps.map { Float(Double($0) * plan.dt * 1e3) }
                var csv = "t_ms,neuron\n"
                for (t, i) in zip(times, neurons) { csv += "\(t),\(i)\n" }
                written += try save(csv, base + ".csv")
                written += try save(NPYWriter.data(float32: times, shape: [times.count]), base + "_t.npy")
                written += try save(NPYWriter.data(int32: neurons, shape: [neurons.count]), base + "_i.npy")
            case .trace(let steps, let neurons, let values):
                let scale = Float(displayScale(recorder))
                let shown = values.map { $0 * scale }
                let times = steps.map { Float(Double($0) * plan.dt * 1e3) }
                var csv = "t_ms," + neurons.map { "n\($0)" }.joined(separator: ",") + "\n"
                for (row, t) in times.enumerated() {
                    let cells = shown[(row * neurons.count)..<((row + 1) * neurons.count)].map { "\($0)" }
                    csv += "\(t)," + cells.joined(separator: ",") + "\n"
                }
                written += try save(csv, base + ".csv")
                written += try save(NPYWriter.data(float32: shown, shape: [times.count, neurons.count]), base + ".npy")
                written += try save(NPYWriter.data(float32: times, shape: [times.count]), base + "_t.npy")
            case .weights(let sources, let targets, let values):
                var csv = "source,target,weight\n"
                for k in values.indices { csv += "\(sources[k]),\(targets[k]),\(values[k])\n" }
                written += try save(csv, base + ".csv")
                written += try save(NPYWriter.data(float32: values, shape: [values.count]), base + ".npy")
            }
        }
        return written
    }

    /// The factor from SI to the unit the trace is shown in (1000 for mV).
    func displayScale(_ recorder: RecorderPlan) -> Double {
        guard case .trace(let population, let buffer, _, _) = recorder.kind else { return 1 }
        return plan.populations[population].buffers[buffer].displayScale
    }

    private func save(_ text: String, _ path: String) throws -> [String] { try save(Array(text.utf8), path) }

    private func save(_ bytes: [UInt8], _ path: String) throws -> [String] {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CLIError.io("cannot write '\(path)'")
        }
        return [path]
    }
}
