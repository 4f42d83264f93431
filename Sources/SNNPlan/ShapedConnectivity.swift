// ShapedConnectivity: `conv(kernel, stride, padding, channels)` and `pool(size, stride)` between shaped
// populations ([C, H, W], or [H, W] as one channel) as explicit synapses, in the CSR layout of every other
// pattern. A convolution connects input (c, y, x) to output (o, i, j) when y = i·stride + ky − padding and
// x = j·stride + kx − padding for a kernel position (ky, kx), for every input channel c and output channel o;
// pooling connects (c, y, x) to (c, i, j) within the window, channel by channel. Each synapse gets its own
// weight (drawn per synapse, not shared between positions): the runtime simulates them like any synapses.
// Gradient training shares a convolution's weights between positions (`kernelIndex` maps a synapse to its
// shared weight) and reads `kind = max` pooling as the window's largest input.

/// The geometry of a shaped pattern; `input` and `output` are [C, H, W].
public struct ShapedWindow: Equatable, Sendable {
    public var pooling: Bool
    /// `pool(…, kind = max)`: in gradient training the window's largest input passes (the simulation adds them).
    public var maxPooling = false
    public var kernel: (Int, Int)
    public var stride: (Int, Int)
    public var padding: (Int, Int)
    public var input: [Int]
    public var output: [Int]

    public init(pooling: Bool, kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), input: [Int] = [],
                output: [Int] = []) {
        self.pooling = pooling
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.input = input
        self.output = output
    }

    public static func == (a: ShapedWindow, b: ShapedWindow) -> Bool {
        a.pooling == b.pooling && a.maxPooling == b.maxPooling && a.kernel == b.kernel && a.stride == b.stride && a.padding == b.padding
            && a.input == b.input && a.output == b.output
    }

    /// [H, W] as [1, H, W].
    static func channelsFirst(_ shape: [Int]) -> [Int]? {
        switch shape.count {
        case 3: return shape
        case 2: return [1] + shape
        default: return nil
        }
    }

    /// The kernel's element count (height × width).
    public var kernelArea: Int { kernel.0 * kernel.1 }

    /// The shared weight of the synapse from input `source` to output `target` of a convolution, in the layout
    /// [input channel][kernel row][kernel column][output channel]; nil when the kernel does not join them.
    public func kernelIndex(source: Int, target: Int) -> Int? {
        let (h, w) = (input[1], input[2])
        let (co, oh, ow) = (output[0], output[1], output[2])
        let (c, y, x) = (source / (h * w), source / w % h, source % w)
        let (o, i, j) = (target / (oh * ow), target / ow % oh, target % ow)
        let ky = y + padding.0 - i * stride.0, kx = x + padding.1 - j * stride.1
        guard ky >= 0, ky < kernel.0, kx >= 0, kx < kernel.1 else { return nil }
        return ((c * kernel.0 + ky) * kernel.1 + kx) * co + o
    }

    /// The table: one row per input neuron, its output neurons increasing.
    func table() -> SynapseTable {
        let (ci, h, w) = (input[0], input[1], input[2])
        let (co, oh, ow) = (output[0], output[1], output[2])
        var rowStart: [Int32] = [0]
        var targets: [Int32] = []
        rowStart.reserveCapacity(ci * h * w + 1)
        var positions: [Int] = []
        for source in 0..<(ci * h * w) {
            positions.removeAll(keepingCapacity: true)
            forEachTap(of: source) { _, position in positions.append(position) }
            positions.sort()
            let c = source / (h * w)
            for o in pooling ? c..<(c + 1) : 0..<co {
                for position in positions { targets.append(Int32(o * oh * ow + position)) }
            }
            rowStart.append(Int32(targets.count))
        }
        return SynapseTable(rowStart: rowStart, targets: targets)
    }

    /// The synapse count: every output neuron's window, clipped at the padded edges.
    var synapseCount: Int {
        let (ci, h, w) = (input[0], input[1], input[2])
        let (co, oh, ow) = (output[0], output[1], output[2])
        func axis(_ size: Int, _ outputs: Int, _ kernel: Int, _ stride: Int, _ padding: Int) -> Int {
            (0..<outputs).reduce(0) { sum, i in
                sum + (0..<kernel).filter { k in let y = i * stride + k - padding; return y >= 0 && y < size }.count
            }
        }
        let perChannelPair = axis(h, oh, kernel.0, stride.0, padding.0) * axis(w, ow, kernel.1, stride.1, padding.1)
        return pooling ? ci * perChannelPair : ci * co * perChannelPair
    }
}

extension ShapedWindow {
    /// Calls `body(tap, position)` for every output position (i·width + j) that input `source` reaches through
    /// the kernel, with the tap of the kernel that joins them (input channel, row and column, in kernel order).
    @inlinable
    public func forEachTap(of source: Int, _ body: (Int, Int) -> Void) {
        let (h, w) = (input[1], input[2])
        let (oh, ow) = (output[1], output[2])
        let c = source / (h * w), y = source / w % h, x = source % w
        let rows = Self.taps(y + padding.0, kernel: kernel.0, stride: stride.0, outputs: oh)
        let columns = Self.taps(x + padding.1, kernel: kernel.1, stride: stride.1, outputs: ow)
        for ky in Swift.stride(from: rows.lowerBound, to: rows.upperBound, by: self.stride.0) {
            let row = (y + padding.0 - ky) / self.stride.0 * ow, tapRow = (c * kernel.0 + ky) * kernel.1
            for kx in Swift.stride(from: columns.lowerBound, to: columns.upperBound, by: self.stride.1) {
                body(tapRow + kx, row + (x + padding.1 - kx) / self.stride.1)
            }
        }
    }

    /// Along one axis, the kernel offsets k (stepping by `stride` from the range's start) that join padded input
    /// position `p` to an output i = (p − k) / stride with 0 ≤ i < outputs.
    @inlinable
    static func taps(_ p: Int, kernel: Int, stride: Int, outputs: Int) -> Range<Int> {
        // k ≡ p (mod stride), k ≥ p − stride·(outputs − 1), 0 ≤ k ≤ min(kernel − 1, p).
        let lowest = max(0, p - stride * (outputs - 1))
        let first = lowest + ((p - lowest) % stride)
        return first..<max(first, min(kernel, p + 1))
    }

    /// Calls `body(input)` for every input in the pooling window of output `target` (same channel).
    @inlinable
    public func forEachPooled(_ target: Int, _ body: (Int) -> Void) {
        let (h, w) = (input[1], input[2])
        let (oh, ow) = (output[1], output[2])
        let c = target / (oh * ow), i = target / ow % oh, j = target % ow
        for ky in 0..<kernel.0 {
            let y = i * stride.0 + ky - padding.0
            guard y >= 0, y < h else { continue }
            for kx in 0..<kernel.1 {
                let x = j * stride.1 + kx - padding.1
                guard x >= 0, x < w else { continue }
                body((c * h + y) * w + x)
            }
        }
    }
}
