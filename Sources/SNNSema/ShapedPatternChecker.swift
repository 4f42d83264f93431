// ShapedPatternChecker: convolution and pooling between shaped populations. The source is [C, H, W] (or [H, W],
// one channel); the window must fit, pooling windows must tile the input, and the target must have the output
// shape, which the message states.

import SNNSource
import SNNSyntax

struct ShapedPatternChecker {
    let sink: DiagnosticSink

    func check(_ pattern: String, _ arguments: [String: CheckedArgument], source: ResolvedEndpoint,
               target: ResolvedEndpoint, at call: CallSyntax) -> Double? {
        guard let input = channelsHeightWidth(source, pattern: pattern, at: call),
              let output = channelsHeightWidth(target, pattern: pattern, at: call) else { return nil }
        let isPool = pattern == "pool"
        guard let window = pair(arguments[isPool ? "size" : "kernel"]) else { return nil }
        let stride = pair(arguments["stride"]) ?? (isPool ? window : (1, 1))
        let padding = pair(arguments["padding"]) ?? (0, 0)
        let (c, h, w) = input
        let paddedH = h + 2 * padding.0, paddedW = w + 2 * padding.1
        let windowRange = arguments[isPool ? "size" : "kernel"]?.argument.range ?? call.range
        guard window.0 <= paddedH, window.1 <= paddedW else {
            sink.report(.kernelDoesNotFit, "the \(window.0)x\(window.1) window does not fit the \(h)x\(w) input of '\(source.name)'",
                        at: windowRange, help: padding == (0, 0) ? "use a smaller window or add padding" : "use a smaller window")
            return nil
        }
        if isPool, (paddedH - window.0) % stride.0 != 0 || (paddedW - window.1) % stride.1 != 0 {
            let badAxis = (paddedH - window.0) % stride.0 != 0 ? "height \(h)" : "width \(w)"
            let strideText = stride.0 == stride.1 ? "\(stride.0)" : "\(stride.0)x\(stride.1)"
            sink.report(.kernelDoesNotFit, "\(window.0)x\(window.1) pooling with stride \(strideText) does not tile the \(badAxis) of the \(h)x\(w) input of '\(source.name)'",
                        at: windowRange, help: "choose a window and stride that divide the input")
            return nil
        }
        let outH = (paddedH - window.0) / stride.0 + 1, outW = (paddedW - window.1) / stride.1 + 1
        let outC = isPool ? c : (arguments["channels"]?.constant?.integer ?? output.0)
        let expected = [outC, outH, outW]
        let declared = target.info.shape ?? []
        if [output.0, output.1, output.2] != expected {
            sink.report(.shapeMismatch, "\(pattern) gives the shape \(expected) but '\(target.name)' is declared \(declared)",
                        at: call.range, help: "declare the target as [\(expected.map(String.init).joined(separator: ", "))]")
            return nil
        }
        let fanIn = Double(window.0 * window.1 * (isPool ? 1 : c))
        return fanIn * Double(outC * outH * outW)
    }

    private func channelsHeightWidth(_ endpoint: ResolvedEndpoint, pattern: String, at call: CallSyntax) -> (Int, Int, Int)? {
        guard let shape = endpoint.info.shape else { return nil }
        switch shape.count {
        case 3: return (shape[0], shape[1], shape[2])
        case 2: return (1, shape[0], shape[1])
        default:
            sink.report(.shapeMismatch, "\(pattern) joins shaped populations, but '\(endpoint.name)' has the flat shape \(shape)",
                        at: endpoint.range, help: "declare it with a shape: [channels, height, width] or [height, width]")
            return nil
        }
    }

    /// `5` → (5, 5); `[5, 3]` → (5, 3).
    private func pair(_ argument: CheckedArgument?) -> (Int, Int)? {
        guard let values = argument?.constant?.values else { return nil }
        if values.count == 1 { return (Int(values[0]), Int(values[0])) }
        if values.count == 2 { return (Int(values[0]), Int(values[1])) }
        sink.report(.valueOutOfRange, "a window is one size or two ([height, width])", at: argument!.argument.range)
        return nil
    }
}
