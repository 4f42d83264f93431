// SurrogateLayerKernels: what a GradientLayer's connection computes at one step — forward, its neurons' input
// current from the step's input; backward, from the gradient of that current, the weights' gradient and the
// input's gradient — for dense layers, convolutions with weights shared between positions, and pooling. The
// inputs are mostly spikes and mostly 0, so the forward pass and the weights' gradient visit only the nonzero
// inputs (`active`). A convolution works in [position][output channel] order in `scratch`, so that its inner
// loops run over contiguous output channels of the kernel layout [input channel][row][column][output channel].

import SNNPlan

extension GradientLayer {
    /// The scratch floats `current` and `backward` need.
    var scratchCount: Int {
        if case .conv = connection { return outputs }
        return 0
    }

    /// Writes the current into each output neuron for input `x` (nonzero at `active`).
    func current(_ x: UnsafePointer<Float>, active: UnsafeBufferPointer<Int32>, into current: UnsafeMutablePointer<Float>,
                 scratch: UnsafeMutablePointer<Float>) {
        weights.withUnsafeBufferPointer { weightBuffer in
            let w = weightBuffer.baseAddress
            switch connection {
            case .dense:
                let n = inputs
                for j in 0..<outputs {
                    let row = w! + j * n
                    var sum: Float = 0
                    for k in active { sum += row[Int(k)] * x[Int(k)] }
                    current[j] = sum
                }
            case .conv(let window):
                let o = window.output[0], positions = outputs / o
                scratch.update(repeating: 0, count: outputs)
                for k in active {
                    let v = x[Int(k)]
                    window.forEachTap(of: Int(k)) { tap, position in
                        axpy(v, w! + tap * o, scratch + position * o, count: o)
                    }
                }
                for c in 0..<o { for p in 0..<positions { current[c * positions + p] = scratch[p * o + c] } }
            case .pool(let window, let weight):
                for j in 0..<outputs {
                    var result: Float = window.maxPooling ? -.infinity : 0
                    window.forEachPooled(j) { k in
                        result = window.maxPooling ? max(result, x[k]) : result + x[k]
                    }
                    current[j] = weight * result
                }
            }
        }
    }

    /// Adds the weights' gradient for input `x` (nonzero at `active`) and the current's gradient `g` into
    /// `weightGradient`, and writes the input's gradient into `inputGradient` when it is given.
    func backward(_ x: UnsafePointer<Float>, active: UnsafeBufferPointer<Int32>, currentGradient g: UnsafePointer<Float>,
                  weightGradient dw: UnsafeMutablePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>?,
                  scratch: UnsafeMutablePointer<Float>) {
        weights.withUnsafeBufferPointer { weightBuffer in
            let w = weightBuffer.baseAddress
            dx?.update(repeating: 0, count: inputs)
            switch connection {
            case .dense:
                let n = inputs
                for j in 0..<outputs where g[j] != 0 {
                    let gj = g[j], row = dw + j * n
                    for k in active { row[Int(k)] += gj * x[Int(k)] }
                    if let dx {
                        axpy(gj, w! + j * n, dx, count: n)
                    }
                }
            case .conv(let window):
                let o = window.output[0], positions = outputs / o
                var any = false
                for c in 0..<o {
                    for p in 0..<positions {
                        scratch[p * o + c] = g[c * positions + p]
                        any = any || g[c * positions + p] != 0
                    }
                }
                guard any else { return }
                for k in active {
                    let v = x[Int(k)]
                    window.forEachTap(of: Int(k)) { tap, position in
                        axpy(v, scratch + position * o, dw + tap * o, count: o)
                    }
                }
                guard let dx else { return }
                for k in 0..<inputs {
                    var sum: Float = 0
                    window.forEachTap(of: k) { tap, position in
                        sum += dot(w! + tap * o, scratch + position * o, count: o)
                    }
                    dx[k] = sum
                }
            case .pool(let window, let weight):
                guard let dx else { return }
                for j in 0..<outputs where g[j] != 0 {
                    if window.maxPooling {
                        var best = -1, largest = -Float.infinity
                        window.forEachPooled(j) { k in if x[k] > largest { largest = x[k]; best = k } }
                        if best >= 0 { dx[best] += weight * g[j] }
                    } else {
                        window.forEachPooled(j) { k in dx[k] += weight * g[j] }
                    }
                }
            }
        }
    }
}

/// y[0..<count] += a · x[0..<count], eight lanes at a time.
@inline(__always)
private func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    let raw = UnsafeRawPointer(x), out = UnsafeMutableRawPointer(y)
    while i + 8 <= count {
        let sum = out.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            + a * raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        out.storeBytes(of: sum, toByteOffset: i * 4, as: SIMD8<Float>.self)
        i += 8
    }
    while i < count {
        y[i] += a * x[i]
        i += 1
    }
}

/// Σ a[i] · b[i] over `count` values, in eight lanes summed at the end (the same order every call).
@inline(__always)
private func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = SIMD8<Float>()
    var i = 0
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    while i + 8 <= count {
        lanes += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        i += 8
    }
    var sum = lanes.sum()
    while i < count {
        sum += a[i] * b[i]
        i += 1
    }
    return sum
}
