// KernelFilter: `weight = gabor(amplitude, wavelength, sigma, aspect, phase)` and `weight = dog(amplitude,
// center, surround)` on a `conv` connection — fixed filters as the kernel's weights (also the starting point of
// gradient training). Positions are in input pixels from the kernel's centre. Output channel o of C gets the
// Gabor orientation o·π/C; difference-of-Gaussians kernels are on-centre in even channels and off-centre in odd
// ones, each Gaussian normalised to sum 1 over the kernel and the difference scaled so its peak is `amplitude`.
// Every input channel gets the same filter.

import Foundation
import SNNSyntax

struct KernelFilter {
    enum Kind {
        case gabor(wavelength: Double, sigma: Double, aspect: Double, phase: Double)
        case dog(center: Double, surround: Double)
    }

    var kind: Kind
    /// The peak value, in SI units.
    var amplitude: Double

    static let names: Set<String> = ["gabor", "dog"]

    /// The filter a call describes; nil when `expr` is not a call of `gabor` or `dog`.
    static func parse(_ expr: Expr, values: ValueCompiler) throws -> KernelFilter? {
        guard case .call(let callee, let arguments) = expr.kind, case .name(let name) = callee.kind, names.contains(name) else {
            return nil
        }
        let parameters = name == "gabor" ? ["amplitude", "wavelength", "sigma", "aspect", "phase"] : ["amplitude", "center", "surround"]
        let bound = ArgumentBinder.bind(arguments, to: parameters)
        func number(_ parameter: String, _ fallback: Double? = nil) throws -> Double {
            guard let argument = bound[parameter] else {
                if let fallback { return fallback }
                throw ValueError(message: "\(name) needs '\(parameter)'", range: expr.range)
            }
            guard let value = try values.compile(argument.value).constantValue, value.isFinite else {
                throw ValueError(message: "'\(parameter)' must be one number", range: argument.value.range)
            }
            return value
        }
        let amplitude = try number("amplitude")
        if name == "gabor" {
            let kind = Kind.gabor(wavelength: try number("wavelength"), sigma: try number("sigma"),
                                  aspect: try number("aspect", 0.5), phase: try number("phase", 0))
            if case .gabor(let wavelength, let sigma, _, _) = kind, wavelength <= 0 || sigma <= 0 {
                throw ValueError(message: "a Gabor filter needs a positive wavelength and sigma", range: expr.range)
            }
            return KernelFilter(kind: kind, amplitude: amplitude)
        }
        let center = try number("center"), surround = try number("surround")
        guard center > 0, surround > center else {
            throw ValueError(message: "a difference of Gaussians needs 0 < center < surround", range: expr.range)
        }
        return KernelFilter(kind: .dog(center: center, surround: surround), amplitude: amplitude)
    }

    /// The kernel of output channel `channel` of `channels`, [row][column].
    func kernel(size: (Int, Int), channel: Int, of channels: Int) -> [[Double]] {
        let cy = Double(size.0 - 1) / 2, cx = Double(size.1 - 1) / 2
        func grid(_ f: (Double, Double) -> Double) -> [[Double]] {
            (0..<size.0).map { ky in (0..<size.1).map { kx in f(Double(kx) - cx, Double(ky) - cy) } }
        }
        switch kind {
        case .gabor(let wavelength, let sigma, let aspect, let phase):
            let theta = Double(channel) * .pi / Double(channels)
            return grid { x, y in
                let u = x * cos(theta) + y * sin(theta), v = -x * sin(theta) + y * cos(theta)
                return amplitude * exp(-(u * u + aspect * aspect * v * v) / (2 * sigma * sigma)) * cos(2 * .pi * u / wavelength + phase)
            }
        case .dog(let center, let surround):
            func gaussian(_ s: Double) -> [[Double]] { grid { x, y in exp(-(x * x + y * y) / (2 * s * s)) } }
            let inner = gaussian(center), outer = gaussian(surround)
            let innerSum = inner.joined().reduce(0, +), outerSum = outer.joined().reduce(0, +)
            var difference = zip(inner, outer).map { zip($0, $1).map { $0 / innerSum - $1 / outerSum } }
            let peak = difference.joined().map(abs).max() ?? 1
            let sign: Double = channel % 2 == 0 ? 1 : -1
            difference = difference.map { $0.map { sign * amplitude * $0 / max(peak, .leastNormalMagnitude) } }
            return difference
        }
    }

    /// One weight per synapse of a convolution's table, from the tap each synapse uses.
    func weights(_ window: ShapedWindow, table: SynapseTable) -> [Float] {
        let channels = window.output[0]
        let kernels = (0..<channels).map { kernel(size: window.kernel, channel: $0, of: channels) }
        var weights = [Float](repeating: 0, count: table.synapseCount)
        table.forEachSynapse { source, s, target in
            guard let tap = window.kernelIndex(source: source, target: target) else { return }
            let o = tap % channels, position = tap / channels % window.kernelArea
            weights[s] = Float(kernels[o][position / window.kernel.1][position % window.kernel.1])
        }
        return weights
    }
}
