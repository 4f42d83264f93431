// ShapedConnectivity: `conv(kernel, stride, padding, channels)` and `pool(size, stride)` between shaped
// populations ([C, H, W], or [H, W] as one channel) as explicit synapses, in the CSR layout of every other
// pattern. A convolution connects input (c, y, x) to output (o, i, j) when y = i·stride + ky − padding and
// x = j·stride + kx − padding for a kernel position (ky, kx), for every input channel c and output channel o;
// pooling connects (c, y, x) to (c, i, j) within the window, channel by channel. Each synapse gets its own
// weight (drawn per synapse, not shared between positions): the runtime simulates them like any synapses.

/// The geometry of a shaped pattern; `input` and `output` are [C, H, W].
public struct ShapedWindow: Equatable, Sendable {
    public var pooling: Bool
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
        a.pooling == b.pooling && a.kernel == b.kernel && a.stride == b.stride && a.padding == b.padding
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

    /// The output positions (i, j) whose window covers input position (y, x) along one axis.
    private static func covering(_ y: Int, kernel: Int, stride: Int, padding: Int, size: Int) -> [Int] {
        var result: [Int] = []
        for k in 0..<kernel {
            let shifted = y + padding - k
            guard shifted >= 0, shifted % stride == 0 else { continue }
            let i = shifted / stride
            if i < size { result.append(i) }
        }
        return result.sorted()
    }

    /// The table: one row per input neuron, its output neurons increasing.
    func table() -> SynapseTable {
        let (ci, h, w) = (input[0], input[1], input[2])
        let (co, oh, ow) = (output[0], output[1], output[2])
        var rowStart: [Int32] = [0]
        var targets: [Int32] = []
        rowStart.reserveCapacity(ci * h * w + 1)
        for c in 0..<ci {
            for y in 0..<h {
                let rows = Self.covering(y, kernel: kernel.0, stride: stride.0, padding: padding.0, size: oh)
                for x in 0..<w {
                    let columns = Self.covering(x, kernel: kernel.1, stride: stride.1, padding: padding.1, size: ow)
                    for o in pooling ? [c] : Array(0..<co) {
                        for i in rows { for j in columns { targets.append(Int32((o * oh + i) * ow + j)) } }
                    }
                    rowStart.append(Int32(targets.count))
                }
            }
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
