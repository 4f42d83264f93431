// ConnectivityBuilder: the synapses of one projection as a CSR table — rows by source neuron, each row's targets
// increasing — for the patterns all_to_all, one_to_one, all_but_self, random(p), fixed_in_degree(k),
// fixed_out_degree(k), and conv/pool between shaped populations (ShapedConnectivity). Tables are built between local index spaces (a slice's neurons numbered from 0) and then
// placed into the groups' index spaces. Random tables are a pure function of (seed, stream): every row draws
// with its row as the counter (fixed in-degrees: every column with its column), so the result is the same
// however the rows are divided between threads. random(p) skips geometrically along a row (one draw per
// synapse, not one per pair).

import Dispatch
import Foundation

public enum ConnectionPattern: Equatable, Sendable {
    case allToAll, oneToOne, allButSelf
    case random(p: Double)
    case fixedInDegree(Int)
    case fixedOutDegree(Int)
    /// Convolution or pooling between shaped populations (ShapedConnectivity).
    case shaped(ShapedWindow)

    /// The geometry of a shaped pattern.
    var window: ShapedWindow? {
        if case .shaped(let window) = self { return window }
        return nil
    }
}

/// Synapses as CSR rows: row `i` holds `targets[rowStart[i] ..< rowStart[i + 1]]`.
public struct SynapseTable: Equatable, Sendable {
    public var rowStart: [Int32]
    public var targets: [Int32]

    public init(rowStart: [Int32], targets: [Int32]) {
        self.rowStart = rowStart
        self.targets = targets
    }

    public var rows: Int { rowStart.count - 1 }
    public var synapseCount: Int { targets.count }
    public func row(_ i: Int) -> ArraySlice<Int32> { targets[Int(rowStart[i])..<Int(rowStart[i + 1])] }

    /// Calls `body(source, synapse, target)` for every synapse, row by row.
    public func forEachSynapse(_ body: (_ source: Int, _ synapse: Int, _ target: Int) -> Void) {
        for source in 0..<rows {
            for s in Int(rowStart[source])..<Int(rowStart[source + 1]) { body(source, s, Int(targets[s])) }
        }
    }
}

public enum ConnectivityBuilder {
    /// The most synapses one projection may hold (indices are Int32).
    public static let maxSynapses = Int(Int32.max) - 1

    /// The expected number of synapses of a pattern (exact for all but `random`).
    public static func expectedSynapses(_ pattern: ConnectionPattern, sources: Int, targets: Int) -> Double {
        let s = Double(sources), t = Double(targets)
        switch pattern {
        case .allToAll: return s * t
        case .oneToOne: return min(s, t)
        case .allButSelf: return s * t - min(s, t)
        case .random(let p): return p * s * t
        case .fixedInDegree(let k): return Double(k) * t
        case .fixedOutDegree(let k): return Double(k) * s
        case .shaped(let window): return Double(window.synapseCount)
        }
    }

    /// The table between `sources` and `targets` local neurons; nil when it would exceed `maxSynapses`.
    /// Fixed degrees must be feasible (k ≤ the pool) and one_to_one/all_but_self take equal sizes; the checker
    /// has proved both.
    public static func build(_ pattern: ConnectionPattern, sources ns: Int, targets nt: Int, seed: UInt64,
                             stream: UInt32) -> SynapseTable? {
        let expected = expectedSynapses(pattern, sources: ns, targets: nt)
        guard expected + 6 * expected.squareRoot() < Double(maxSynapses) else { return nil }
        switch pattern {
        case .shaped(let window):
            return window.table()
        case .allToAll:
            return full(ns, nt, skippingDiagonal: false)
        case .allButSelf:
            return full(ns, nt, skippingDiagonal: true)
        case .oneToOne:
            let n = min(ns, nt)
            var rowStart = (0...n).map(Int32.init)
            rowStart += [Int32](repeating: Int32(n), count: ns - n)
            return SynapseTable(rowStart: rowStart, targets: (0..<n).map(Int32.init))
        case .random(let p):
            if p >= 1 { return full(ns, nt, skippingDiagonal: false) }
            if p <= 0 || nt == 0 { return SynapseTable(rowStart: [Int32](repeating: 0, count: ns + 1), targets: []) }
            let logQ = log1p(-p)
            return rows(ns, perRow: p * Double(nt)) { i, out in
                var j = -1
                var k: UInt64 = 0
                while true {
                    let u = CounterRNG.unit(seed: seed, stream: stream, counter: UInt64(i), index: k)
                    k += 1
                    let skip = (log1p(-u) / logQ).rounded(.down)
                    guard skip < Double(nt - 1 - j) else { break }
                    j += Int(skip) + 1
                    out.append(Int32(j))
                }
            }
        case .fixedOutDegree(let k):
            return rows(ns, perRow: Double(k)) { i, out in
                DistinctSampler.sample(k, from: nt, seed: seed, stream: stream, counter: UInt64(i), into: &out)
            }
        case .fixedInDegree(let k):
            // Sources per target column, then transposed: walking the columns in order fills every row with
            // increasing targets.
            guard let columns = rows(nt, perRow: Double(k), { j, out in
                DistinctSampler.sample(k, from: ns, seed: seed, stream: stream, counter: UInt64(j), into: &out)
            }) else { return nil }
            return transpose(columns, rows: ns)
        }
    }

    /// Places a table between selections into the groups' index spaces: rows by the source group's neurons
    /// (rows outside the selection are empty), targets as the target group's indices.
    static func place(_ table: SynapseTable, sources: NeuronSelection, targets: NeuronSelection) -> SynapseTable {
        var mapped = table.targets
        if let range = targets.contiguous {
            if range.lowerBound != 0 {
                let offset = Int32(range.lowerBound)
                mapped.withUnsafeMutableBufferPointer { b in for k in b.indices { b[k] &+= offset } }
            }
        } else {
            mapped.withUnsafeMutableBufferPointer { b in for k in b.indices { b[k] = Int32(targets[Int(b[k])]) } }
        }
        if sources.isAll { return SynapseTable(rowStart: table.rowStart, targets: mapped) }
        var rowStart = [Int32](repeating: 0, count: sources.groupSize + 1)
        for i in 0..<sources.count { rowStart[sources[i] + 1] = table.rowStart[i + 1] - table.rowStart[i] }
        for r in 0..<sources.groupSize { rowStart[r + 1] += rowStart[r] }
        return SynapseTable(rowStart: rowStart, targets: mapped)
    }

    // MARK: - Building blocks

    private static func full(_ ns: Int, _ nt: Int, skippingDiagonal: Bool) -> SynapseTable {
        let perRow = skippingDiagonal ? nt - 1 : nt
        let total = ns * perRow
        let rowStart = (0...ns).map { Int32($0 * perRow) }
        let targets = [Int32](unsafeUninitializedCapacity: total) { buffer, initialized in
            var k = 0
            for i in 0..<ns {
                for j in 0..<nt where !(skippingDiagonal && i == j) {
                    buffer[k] = Int32(j)
                    k += 1
                }
            }
            initialized = total
        }
        return SynapseTable(rowStart: rowStart, targets: targets)
    }

    /// Rows generated independently by `row(i, &out)` (which appends row i's targets), in blocks of rows that
    /// run on several threads when the table is large; nil when the table grows past `maxSynapses`.
    private static func rows(_ count: Int, perRow: Double, _ row: (Int, inout [Int32]) -> Void) -> SynapseTable? {
        withoutActuallyEscaping(row) { row in rows(count, perRow: perRow, escaping: row) }
    }

    private static func rows(_ count: Int, perRow: Double, escaping row: @escaping (Int, inout [Int32]) -> Void)
        -> SynapseTable? {
        let blockRows = 4096
        let blocks = (count + blockRows - 1) / blockRows
        let parallel = blocks > 1 && perRow * Double(count) > 200_000
        let results = UnsafeMutableBufferPointer<Block>.allocate(capacity: max(blocks, 1))
        defer {
            results.baseAddress!.deinitialize(count: blocks)
            results.deallocate()
        }
        let body = { (b: Int) in
            let range = (b * blockRows)..<min(count, (b + 1) * blockRows)
            var targets: [Int32] = []
            targets.reserveCapacity(Int(perRow * Double(range.count) * 1.05) + 16)
            var lengths = [Int32](repeating: 0, count: range.count)
            for i in range {
                let before = targets.count
                row(i, &targets)
                lengths[i - range.lowerBound] = Int32(truncatingIfNeeded: targets.count - before)
            }
            (results.baseAddress! + b).initialize(to: Block(lengths: lengths, targets: targets))
        }
        if parallel {
            let shared = SendableBox(body)
            DispatchQueue.concurrentPerform(iterations: blocks) { shared.value($0) }
        } else {
            for b in 0..<blocks { body(b) }
        }
        let total = results.reduce(0) { $0 + $1.targets.count }
        guard total <= maxSynapses else { return nil }
        var rowStart = [Int32](repeating: 0, count: count + 1)
        var targets = [Int32]()
        targets.reserveCapacity(total)
        var position = 0
        for b in 0..<blocks {
            for (k, length) in results[b].lengths.enumerated() {
                position += Int(length)
                rowStart[b * blockRows + k + 1] = Int32(position)
            }
            targets += results[b].targets
        }
        return SynapseTable(rowStart: rowStart, targets: targets)
    }

    private struct Block {
        var lengths: [Int32]
        var targets: [Int32]
    }

    /// The table with rows and columns exchanged; `rows` is the new row count (the old target count).
    private static func transpose(_ table: SynapseTable, rows: Int) -> SynapseTable {
        var rowStart = [Int32](repeating: 0, count: rows + 1)
        for s in table.targets { rowStart[Int(s) + 1] += 1 }
        for r in 0..<rows { rowStart[r + 1] += rowStart[r] }
        var next = rowStart
        var targets = [Int32](repeating: 0, count: table.targets.count)
        targets.withUnsafeMutableBufferPointer { out in
            next.withUnsafeMutableBufferPointer { next in
                table.targets.withUnsafeBufferPointer { sources in
                    for column in 0..<table.rows {
                        for k in Int(table.rowStart[column])..<Int(table.rowStart[column + 1]) {
                            let s = Int(sources[k])
                            out[Int(next[s])] = Int32(column)
                            next[s] += 1
                        }
                    }
                }
            }
        }
        return SynapseTable(rowStart: rowStart, targets: targets)
    }
}

/// Hands a closure or buffer that only touches disjoint memory to worker threads (the planner's parallel table
/// building, the gradient trainer's per-worker results).
public struct SendableBox<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
