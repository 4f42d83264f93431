// ConnectivityBuilder: each pattern's synapse counts, rows sorted without duplicates, determinism (same seed,
// same table; another seed, another table; a row never depends on the others), fixed degrees exact, slices.

import Foundation
import Testing
@testable import SNNPlan

@Suite struct ConnectivityBuilderTests {
    /// Rows increasing without duplicates, targets inside 0..<targets, rowStart consistent.
    func expectWellFormed(_ table: SynapseTable, sources: Int, targets: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(table.rowStart.count == sources + 1, sourceLocation: sourceLocation)
        #expect(table.rowStart.first == 0 && Int(table.rowStart.last!) == table.targets.count, sourceLocation: sourceLocation)
        var sorted = true, inside = true
        for i in 0..<table.rows {
            let row = table.row(i)
            if zip(row, row.dropFirst()).contains(where: { $0 >= $1 }) { sorted = false }
            if row.contains(where: { $0 < 0 || $0 >= targets }) { inside = false }
        }
        #expect(sorted, "rows increase strictly", sourceLocation: sourceLocation)
        #expect(inside, "targets inside the group", sourceLocation: sourceLocation)
    }

    func build(_ pattern: ConnectionPattern, _ ns: Int, _ nt: Int, seed: UInt64 = 1, stream: UInt32 = 7) -> SynapseTable {
        ConnectivityBuilder.build(pattern, sources: ns, targets: nt, seed: seed, stream: stream)!
    }

    @Test func allToAllOneToOneAndAllButSelf() {
        let all = build(.allToAll, 30, 20)
        expectWellFormed(all, sources: 30, targets: 20)
        #expect(all.synapseCount == 600)
        #expect(Array(all.row(7)) == (0..<20).map(Int32.init))

        let one = build(.oneToOne, 25, 25)
        expectWellFormed(one, sources: 25, targets: 25)
        #expect(one.synapseCount == 25)
        #expect((0..<25).allSatisfy { Array(one.row($0)) == [Int32($0)] })

        let butSelf = build(.allButSelf, 40, 40)
        expectWellFormed(butSelf, sources: 40, targets: 40)
        #expect(butSelf.synapseCount == 40 * 39)
        #expect((0..<40).allSatisfy { !butSelf.row($0).contains(Int32($0)) && butSelf.row($0).count == 39 })
    }

    @Test func randomHasTheExpectedCountAndIsDeterministic() {
        let table = build(.random(p: 0.02), 3200, 4000)
        expectWellFormed(table, sources: 3200, targets: 4000)
        #expect(abs(Double(table.synapseCount) - 256_000) < 2560, "\(table.synapseCount) synapses")
        #expect(table == build(.random(p: 0.02), 3200, 4000))
        #expect(table != build(.random(p: 0.02), 3200, 4000, seed: 2))
        #expect(table != build(.random(p: 0.02), 3200, 4000, stream: 8))
        // Targets are spread evenly: each quarter of the targets gets a quarter of the synapses.
        var quarters = [0, 0, 0, 0]
        for t in table.targets { quarters[Int(t) / 1000] += 1 }
        #expect(quarters.allSatisfy { abs(Double($0) - 64_000) < 1500 }, "\(quarters)")
        // Out-degrees follow Binomial(4000, 0.02): mean 80, variance 78.4.
        let degrees = (0..<3200).map { Double(table.row($0).count) }
        let mean = degrees.reduce(0, +) / 3200
        let variance = degrees.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3199
        #expect(abs(mean - 80) < 1 && abs(variance - 78.4) < 10, "mean \(mean), variance \(variance)")
    }

    @Test func randomEdgeProbabilities() {
        #expect(build(.random(p: 0), 50, 60).synapseCount == 0)
        #expect(build(.random(p: 1), 50, 60).synapseCount == 3000)
        let dense = build(.random(p: 0.9), 200, 300)
        expectWellFormed(dense, sources: 200, targets: 300)
        #expect(abs(Double(dense.synapseCount) - 54_000) < 600)
    }

    @Test func aRowDependsOnlyOnItsOwnKey() {
        // 20,000 rows are built in blocks on several threads; 5 rows on one. Row i is the same in both.
        let large = build(.random(p: 0.05), 20_000, 1000)
        let small = build(.random(p: 0.05), 5, 1000)
        for i in 0..<5 { #expect(large.row(i) == small.row(i)) }
        let largeOut = build(.fixedOutDegree(30), 20_000, 1000)
        let smallOut = build(.fixedOutDegree(30), 5, 1000)
        for i in 0..<5 { #expect(largeOut.row(i) == smallOut.row(i)) }
    }

    @Test func fixedOutDegreeIsExactWithoutDuplicates() {
        for (k, n) in [(80, 4000), (60, 100), (100, 100), (1, 1)] {
            let table = build(.fixedOutDegree(k), 500, n)
            expectWellFormed(table, sources: 500, targets: n)
            #expect((0..<500).allSatisfy { table.row($0).count == k }, "k = \(k) of \(n)")
            #expect(table == build(.fixedOutDegree(k), 500, n))
        }
        // Every target is equally likely: 500 × 80 draws over 4000 targets, 10 each on average.
        let table = build(.fixedOutDegree(80), 5000, 400)
        var counts = [Int](repeating: 0, count: 400)
        for t in table.targets { counts[Int(t)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 1000) < 150 }, "\(counts.min()!)...\(counts.max()!)")
    }

    @Test func fixedInDegreeIsExactPerTargetWithSortedRows() {
        for (k, ns) in [(20, 300), (200, 300), (300, 300)] {
            let table = build(.fixedInDegree(k), ns, 700)
            expectWellFormed(table, sources: ns, targets: 700)
            #expect(table.synapseCount == k * 700)
            var inDegree = [Int](repeating: 0, count: 700)
            for t in table.targets { inDegree[Int(t)] += 1 }
            #expect(inDegree.allSatisfy { $0 == k }, "k = \(k)")
            #expect(table == build(.fixedInDegree(k), ns, 700))
            #expect(k == ns || table != build(.fixedInDegree(k), ns, 700, seed: 9))
        }
    }

    @Test func samplerDrawsDistinctSortedValues() {
        var counts = [Int](repeating: 0, count: 50)
        for row in 0..<4000 {
            var out: [Int32] = [-1]
            DistinctSampler.sample(10, from: 50, seed: 3, stream: 1, counter: UInt64(row), into: &out)
            #expect(out.count == 11 && out[0] == -1)
            #expect(zip(out.dropFirst(), out.dropFirst(2)).allSatisfy { $0 < $1 })
            for v in out.dropFirst() { counts[Int(v)] += 1 }
        }
        // 4000 × 10 / 50 = 800 per value.
        #expect(counts.allSatisfy { abs($0 - 800) < 120 }, "\(counts)")
    }

    @Test func placementThroughSlices() {
        let local = build(.allToAll, 2, 3)
        let placed = ConnectivityBuilder.place(local, sources: .range(5..<7, of: 10), targets: .range(100..<103, of: 200))
        #expect(placed.rowStart.count == 11)
        #expect((0..<10).filter { !placed.row($0).isEmpty } == [5, 6])
        #expect(Array(placed.row(5)) == [100, 101, 102] && Array(placed.row(6)) == [100, 101, 102])
    }
}
