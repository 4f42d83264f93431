// RasterPlot: `snnc run --plot raster.svg` — an SVG with a spike raster (one band per recorded group, time on x,
// neuron on y) and, when state traces were recorded, a panel of traces below it, in the variables' display
// units. Plain SVG, no scripts, readable by any browser or vector editor.

import Foundation
import SNNPlan
import SNNRuntime

struct RasterPlot {
    let plan: ExecutionPlan
    let result: RunResult
    /// Spikes drawn at most; beyond this the title says how many were left out.
    static let spikeLimit = 100_000

    private let width = 900.0, left = 80.0, right = 20.0, bandHeight = 160.0, traceHeight = 200.0, gap = 40.0

    func svg() -> String {
        let duration = Double(result.completedSteps) * plan.dt * 1e3
        let plotWidth = width - left - right
        func x(_ step: Int32) -> Double { left + (duration > 0 ? Double(step) * plan.dt * 1e3 / duration * plotWidth : 0) }
        var body = ""
        var y = 30.0
        var drawn = 0, total = 0
        for (recorder, recording) in zip(plan.recorders, result.recordings) {
            guard case .spikes(let steps, let neurons) = recording, case .spikes(let group, _) = recorder.kind else { continue }
            let size = max(groupSize(group), 1)
            body += axisBox(y: y, height: bandHeight, label: recorder.name, top: "\(size - 1)", bottom: "0")
            for (step, neuron) in zip(steps, neurons) {
                total += 1
                guard drawn < Self.spikeLimit else { continue }
                drawn += 1
                let yy = y + bandHeight - (Double(neuron) + 0.5) / Double(size) * bandHeight
                body += "<rect x=\"\(f(x(step)))\" y=\"\(f(yy - 0.75))\" width=\"1.5\" height=\"1.5\"/>\n"
            }
            y += bandHeight + gap
        }
        for (recorder, recording) in zip(plan.recorders, result.recordings) {
            guard case .trace(let steps, let neurons, let values) = recording,
                  case .trace(let population, let buffer, _, _) = recorder.kind, !steps.isEmpty else { continue }
            let info = plan.populations[population].buffers[buffer]
            let shown = values.map { Double($0) * info.displayScale }
            let low = shown.min() ?? 0, high = max(shown.max() ?? 1, low + 1e-12)
            body += axisBox(y: y, height: traceHeight, label: "\(recorder.name) (\(info.displayUnit))",
                            top: String(format: "%.3g", high), bottom: String(format: "%.3g", low))
            for (column, _) in neurons.enumerated().prefix(10) {
                let points = steps.indices.map { row -> String in
                    let v = shown[row * neurons.count + column]
                    return "\(f(x(steps[row]))),\(f(y + traceHeight - (v - low) / (high - low) * traceHeight))"
                }
                body += "<polyline fill=\"none\" stroke=\"hsl(\(column * 36),70%,40%)\" stroke-width=\"1\" points=\"\(points.joined(separator: " "))\"/>\n"
            }
            y += traceHeight + gap
        }
        let title = drawn < total ? " (first \(drawn) of \(total) spikes)" : ""
        let height = y + 10
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(left))" y="18">spike raster, 0–\(f(duration)) ms\(title)</text>
            <text x="\(f(left + plotWidth / 2))" y="\(f(height - 4))" text-anchor="middle">time (ms)</text>
            <g fill="black">
            \(body)</g>
            </svg>

            """
    }

    private func axisBox(y: Double, height: Double, label: String, top: String, bottom: String) -> String {
        """
        <rect x="\(f(left))" y="\(f(y))" width="\(f(width - left - right))" height="\(f(height))" fill="none" stroke="#999"/>
        <text x="\(f(left - 6))" y="\(f(y + 10))" text-anchor="end">\(top)</text>
        <text x="\(f(left - 6))" y="\(f(y + height))" text-anchor="end">\(bottom)</text>
        <text x="\(f(left - 6))" y="\(f(y + height / 2))" text-anchor="end" font-weight="bold">\(Self.escape(label))</text>

        """
    }

    private func groupSize(_ group: GroupRef) -> Int {
        switch group {
        case .population(let i): return plan.populations[i].size
        case .source(let i): return plan.sources[i].size
        }
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
