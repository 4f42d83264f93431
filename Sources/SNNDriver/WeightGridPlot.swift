// WeightGridPlot: `snnc run --plot weights.svg` for a model with an experiment (train, evaluate, save/load) and a
// learning connection — the receptive fields at the end of the run of its first learning connection whose source
// has a 2-D shape (an image input such as MNIST's [28, 28]), else of its first learning connection with each
// field drawn as one row: one small grayscale image per target neuron (black is the smallest weight or 0, white
// the largest), in a near-square grid in neuron order, row by row.
// To keep the file small each image is a black square plus, per gray level (16), one path of merged horizontal
// runs of pixels of that level (`M x y h n v 1 h -n z`): a trained 100 × 28 × 28 grid is a few hundred KB.

import Foundation
import SNNPlan
import SNNSema

struct WeightGridPlot {
    let title: String
    /// Per target neuron, its incoming weights in source order (0 where there is no synapse).
    let fields: [[Float]]
    let imageRows: Int, imageColumns: Int
    static let levels = 16

    /// The plot of the first fitting learning connection among `learned` (weights in plan order, by projection);
    /// nil when nothing learned.
    init?(plan: ExecutionPlan, model: CheckedModel, learned: [Int: [Float]]) {
        func shape(_ ref: GroupRef) -> [Int]? {
            let name: String
            switch ref {
            case .population(let p): name = plan.populations[p].name
            case .source(let s): name = plan.sources[s].name
            }
            return model.populations.first { $0.name.name == name }?.shape
        }
        let candidates = learned.keys.sorted()
        let images = candidates.filter { shape(plan.projections[$0].source)?.count == 2 }
        guard let chosen = images.first ?? candidates.first, let weights = learned[chosen] else { return nil }
        let projection = plan.projections[chosen]
        let sources = projection.rowStart.count - 1
        let targets = plan.populations[projection.target].size
        var fields = Array(repeating: [Float](repeating: 0, count: sources), count: targets)
        for row in 0..<sources {
            for s in Int(projection.rowStart[row])..<Int(projection.rowStart[row + 1]) {
                fields[Int(projection.targets[s])][row] = weights[s]
            }
        }
        self.fields = fields
        if let image = shape(projection.source), image.count == 2, image[0] * image[1] == sources {
            (imageRows, imageColumns) = (image[0], image[1])
        } else {
            (imageRows, imageColumns) = (1, sources)
        }
        title = "receptive fields of \(projection.name) (\(fields.count) neurons, \(imageRows) × \(imageColumns) each)"
    }

    func svg() -> String {
        let all = fields.joined()
        let low = Swift.min(all.min() ?? 0, 0), high = Swift.max(all.max() ?? 1, low + 1e-12)
        let columns = Int(Double(fields.count).squareRoot().rounded(.up)), rows = (fields.count + columns - 1) / columns
        let scale = Swift.max(1, Swift.min(8, 900 / Swift.max(columns * (imageColumns + 1), 1)))
        let cellWidth = (imageColumns + 1) * scale, cellHeight = (imageRows + 1) * scale
        let top = 30, width = Swift.max(columns * cellWidth + scale, 420), height = top + rows * cellHeight + 20
        var body = ""
        for (neuron, field) in fields.enumerated() {
            let x = scale + neuron % columns * cellWidth, y = top + neuron / columns * cellHeight
            body += "<g transform=\"translate(\(x) \(y)) scale(\(scale))\"><rect width=\"\(imageColumns)\" height=\"\(imageRows)\"/>"
            body += image(field, low: low, high: high) + "</g>\n"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(scale)" y="18">\(RasterPlot.escape(title))</text>
            <text x="\(scale)" y="\(height - 6)">black \(format(low)), white \(format(high)); neurons row by row from the top left</text>
            \(body)</svg>

            """
    }

    /// One path per gray level above black, of the field's runs of equal level.
    private func image(_ field: [Float], low: Float, high: Float) -> String {
        var paths = [String](repeating: "", count: Self.levels)
        for r in 0..<imageRows {
            var c = 0
            while c < imageColumns {
                let level = self.level(field[r * imageColumns + c], low: low, high: high)
                var end = c + 1
                while end < imageColumns && self.level(field[r * imageColumns + end], low: low, high: high) == level { end += 1 }
                if level > 0 { paths[level] += "M\(c) \(r)h\(end - c)v1h-\(end - c)z" }
                c = end
            }
        }
        return paths.indices.filter { !paths[$0].isEmpty }.map { level in
            let gray = level * 255 / (Self.levels - 1)
            return "<path fill=\"rgb(\(gray),\(gray),\(gray))\" d=\"\(paths[level])\"/>"
        }.joined()
    }

    private func level(_ value: Float, low: Float, high: Float) -> Int {
        Swift.max(0, Swift.min(Self.levels - 1, Int(((value - low) / (high - low) * Float(Self.levels - 1)).rounded())))
    }

    private func format(_ value: Float) -> String { String(format: "%.3g", Double(value)) }
}
