// DatasetSplitter: part sizes for fractions and counts, determinism for a seed, disjoint parts that cover the
// data, the file's order without shuffling, stratified proportions, and every error.

@testable import SNNData
import Testing

@Suite struct DatasetSplitterTests {
    /// `count` samples of one feature, the sample's own index, with `classes` labels in runs (0 0 ... 1 1 ...).
    private func dataset(_ count: Int, classes: Int = 3) -> Dataset {
        Dataset(featureShape: [1], features: (0..<count).map(Float.init),
                labels: (0..<count).map { Int32($0 * classes / count) },
                classNames: (0..<classes).map(String.init), count: count)
    }

    private func spec(_ parts: [(String, SplitPart.Amount)], shuffle: Bool = false, stratify: Bool = false,
                      seed: UInt64 = 7) -> SplitSpec {
        SplitSpec(parts: parts.map { SplitPart($0.0, $0.1) }, shuffle: shuffle, stratify: stratify, seed: seed)
    }

    @Test(arguments: [false, true])
    func fractionsAddUpExactly(stratify: Bool) throws {
        let parts = try DatasetSplitter.split(dataset(150), spec([("train", .fraction(0.8)), ("test", .fraction(0.2))],
                                                                 shuffle: true, stratify: stratify))
        #expect(parts.map(\.name) == ["train", "test"])
        #expect(parts.map(\.dataset.count) == [120, 30])
        let thirds = try DatasetSplitter.indices(dataset(10), spec([("a", .fraction(1.0 / 3)), ("b", .fraction(1.0 / 3)),
                                                                    ("c", .fraction(1.0 / 3))]))
        #expect(thirds.map(\.count) == [3, 4, 3])
    }

    @Test func fractionsUnderTheWholeDropTheRest() throws {
        let parts = try DatasetSplitter.indices(dataset(150), spec([("train", .fraction(0.5)), ("test", .fraction(0.1))]))
        #expect(parts == [Array(0..<75), Array(75..<90)])
    }

    @Test func countsAreExactAndKeepTheFileOrder() throws {
        let parts = try DatasetSplitter.split(dataset(1797, classes: 10), spec([("train", .count(1500)),
                                                                                ("test", .count(297))]))
        #expect(parts[0].dataset.features == (0..<1500).map(Float.init))
        #expect(parts[1].dataset.features == (1500..<1797).map(Float.init))
        #expect(parts[1].dataset.labels.first == Int32(1500 * 10 / 1797))
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func partsAreDisjointAndCoverTheWhole(shuffle: Bool, stratify: Bool) throws {
        let three = spec([("train", .fraction(0.6)), ("valid", .fraction(0.15)), ("test", .fraction(0.25))],
                          shuffle: shuffle, stratify: stratify)
        let parts = try DatasetSplitter.indices(dataset(101, classes: 4), three)
        let all = parts.flatMap { $0 }
        #expect(all.count == 101)
        #expect(Set(all) == Set(0..<101))
        if !shuffle { #expect(parts.allSatisfy { $0 == $0.sorted() }) }
        if shuffle { #expect(parts[0] != parts[0].sorted()) }
    }

    @Test func theSeedDecides() throws {
        let data = dataset(150)
        for stratify in [false, true] {
            let split = { (seed: UInt64) in
                try DatasetSplitter.indices(data, spec([("train", .fraction(0.8)), ("test", .fraction(0.2))],
                                                       shuffle: true, stratify: stratify, seed: seed))
            }
            #expect(try split(1) == split(1))
            #expect(try split(1) != split(2))
        }
    }

    @Test func stratifiedPartsKeepTheClassProportions() throws {
        // Classes of 10, 30 and 60 samples, interleaved in the file.
        let labels: [Int32] = (0..<100).map { $0 % 10 == 0 ? 0 : $0 % 10 <= 3 ? 1 : 2 }
        let data = Dataset(featureShape: [1], features: (0..<100).map(Float.init), labels: labels,
                           classNames: ["a", "b", "c"], count: 100)
        for shuffle in [false, true] {
            let parts = try DatasetSplitter.split(data, spec([("train", .fraction(0.7)), ("test", .count(20))],
                                                             shuffle: shuffle, stratify: true))
            let counts = parts.map { part in (0..<3).map { label in part.dataset.labels.count { $0 == label } } }
            #expect(counts == [[7, 21, 42], [2, 6, 12]])
        }
        let iris = try DatasetSplitter.split(dataset(150), spec([("train", .fraction(0.8)), ("test", .fraction(0.2))],
                                                               stratify: true))
        #expect(iris[1].dataset.features == [40..<50, 90..<100, 140..<150].flatMap { $0.map(Float.init) })
    }

    @Test func errors() {
        let data = dataset(10)
        #expect(throws: DataError.splitTooLarge(requested: 11, available: 10)) {
            try DatasetSplitter.split(data, spec([("train", .count(11))]))
        }
        #expect(throws: DataError.splitTooLarge(requested: 12, available: 10)) {
            try DatasetSplitter.split(data, spec([("train", .count(6)), ("test", .count(6))]))
        }
        #expect(throws: DataError.splitTooLarge(requested: 11, available: 10)) {
            try DatasetSplitter.split(data, spec([("train", .fraction(0.8)), ("test", .count(3))]))
        }
        #expect(throws: DataError.splitEmptyPart(part: "test", available: 10)) {
            try DatasetSplitter.split(data, spec([("train", .fraction(0.96)), ("test", .fraction(0.04))]))
        }
        #expect(throws: DataError.splitEmptyPart(part: "none", available: 10)) {
            try DatasetSplitter.split(data, spec([("none", .count(0))]))
        }
        let over = #expect(throws: DataError.splitFractionsOverWhole(total: 1.1)) {
            try DatasetSplitter.split(data, spec([("train", .fraction(0.9)), ("test", .fraction(0.2))]))
        }
        #expect(over?.description == "the split's fractions add up to 110%, more than 100%")
        #expect(throws: DataError.splitDuplicatePart(part: "train")) {
            try DatasetSplitter.split(data, spec([("train", .count(2)), ("train", .count(2))]))
        }
        #expect(throws: DataError.self) { try DatasetSplitter.split(data, spec([("train", .fraction(-0.5))])) }
        #expect(throws: DataError.self) { try DatasetSplitter.split(data, spec([("train", .fraction(.nan))])) }
        #expect(throws: DataError.splitBadAmount(part: "test", reason: "the count -1 is negative")) {
            try DatasetSplitter.split(data, spec([("test", .count(-1))]))
        }
        let unlabelled = Dataset(featureShape: [1], features: [1, 2], labels: [], classNames: [], count: 2)
        #expect(throws: DataError.splitStratifyWithoutLabels) {
            try DatasetSplitter.split(unlabelled, spec([("train", .count(1))], stratify: true))
        }
    }

    @Test func shuffleIsAPermutationAndRepeats() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        var a = Array(0..<1000)
        var b = a
        first.shuffle(&a)
        second.shuffle(&b)
        #expect(a == b)
        #expect(a != Array(0..<1000))
        #expect(a.sorted() == Array(0..<1000))
        var draws = SplitMix64(seed: 1)
        #expect((0..<10_000).allSatisfy { _ in draws.next(below: 7) < 7 })
    }
}
