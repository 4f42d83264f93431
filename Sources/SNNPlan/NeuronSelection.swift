// NeuronSelection: the neurons an endpoint takes from its group — all of them, a slice `exc[0..99]`, or a slice
// of a shaped group `grid[3, 0..27]` (one index or inclusive range per leading axis, row-major, as the checker
// reads it) — as a map from local indices 0..<count to the group's own indices, always increasing.

import SNNSema
import SNNSyntax

struct NeuronSelection: Sendable, Equatable {
    /// The size of the whole group.
    let groupSize: Int
    private let storage: Storage

    private enum Storage: Sendable, Equatable {
        case range(Range<Int>)
        case list([Int32])
    }

    static func all(_ size: Int) -> NeuronSelection { NeuronSelection(groupSize: size, storage: .range(0..<size)) }
    static func range(_ r: Range<Int>, of size: Int) -> NeuronSelection { NeuronSelection(groupSize: size, storage: .range(r)) }

    var count: Int {
        switch storage {
        case .range(let r): return r.count
        case .list(let l): return l.count
        }
    }

    var isAll: Bool { storage == .range(0..<groupSize) }

    /// The contiguous range, when the selection is one.
    var contiguous: Range<Int>? {
        if case .range(let r) = storage { return r }
        return nil
    }

    /// The group index of local index `i`.
    subscript(_ i: Int) -> Int {
        switch storage {
        case .range(let r): return r.lowerBound + i
        case .list(let l): return Int(l[i])
        }
    }

    var indices: [Int] { (0..<count).map { self[$0] } }

    /// The selection an endpoint's slice makes of a group with `shape`; nil with an error for a slice that is not
    /// constant or leaves the group (the checker has reported those already).
    static func resolve(_ slice: [Expr]?, shape: [Int], values: ValueCompiler) throws -> NeuronSelection {
        let size = shape.reduce(1, *)
        guard let slice, !slice.isEmpty else { return .all(size) }
        guard slice.count <= shape.count else {
            throw ValueError(message: "the slice has more indices than the group has dimensions", range: slice[0].range)
        }
        var bounds: [ClosedRange<Int>] = []
        for (axis, index) in slice.enumerated() {
            let low: Expr, high: Expr
            if case .range(let a, let b) = index.kind { (low, high) = (a, b) } else { (low, high) = (index, index) }
            guard let l = try integer(low, values), let h = try integer(high, values), l <= h, l >= 0, h < shape[axis] else {
                throw ValueError(message: "the slice is not a constant range inside the group", range: index.range)
            }
            bounds.append(l...h)
        }
        // Strides of the row-major shape; the trailing axes not sliced are taken whole.
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in stride(from: shape.count - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        let block = strides[slice.count - 1]
        // Contiguous when every sliced axis but the first takes its whole extent.
        if bounds.indices.dropFirst().allSatisfy({ bounds[$0] == 0...(shape[$0] - 1) }) {
            let start = bounds[0].lowerBound * strides[0]
            let end = (bounds[0].upperBound + 1) * strides[0]
            return NeuronSelection(groupSize: size, storage: .range(start..<end))
        }
        var starts = [0]
        for (axis, b) in bounds.enumerated() {
            starts = starts.flatMap { base in b.map { base + $0 * strides[axis] } }
        }
        var list: [Int32] = []
        list.reserveCapacity(starts.count * block)
        for s in starts { for k in 0..<block { list.append(Int32(s + k)) } }
        return NeuronSelection(groupSize: size, storage: .list(list))
    }

    private static func integer(_ expr: Expr, _ values: ValueCompiler) throws -> Int? {
        guard let v = try values.compile(expr).constantValue, v.rounded() == v, abs(v) < 1e12 else { return nil }
        return Int(v)
    }
}
