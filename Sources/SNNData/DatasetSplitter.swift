// DatasetSplitter: divides a dataset into named parts (train, test, ...) by fractions or counts, optionally
// shuffled with a seed and stratified by class. Fraction sizes come from rounded cumulative boundaries, so
// 80% + 20% always covers every sample; parts are disjoint, and without shuffling they keep the file's order.

/// One part of a split: its name and how much of the dataset it takes.
public struct SplitPart: Equatable, Sendable {
    public enum Amount: Equatable, Sendable {
        /// A share of all samples, 0.8 for 80%.
        case fraction(Double)
        /// An exact number of samples.
        case count(Int)
    }

    public let name: String
    public let amount: Amount

    public init(_ name: String, _ amount: Amount) {
        self.name = name
        self.amount = amount
    }
}

public struct SplitSpec: Equatable, Sendable {
    public var parts: [SplitPart]
    /// Draw the parts' samples at random (from `seed`) instead of taking them in the file's order.
    public var shuffle: Bool
    /// Give every part each class in the dataset's proportions (needs labels).
    public var stratify: Bool
    public var seed: UInt64

    public init(parts: [SplitPart], shuffle: Bool = false, stratify: Bool = false, seed: UInt64 = 0) {
        self.parts = parts
        self.shuffle = shuffle
        self.stratify = stratify
        self.seed = seed
    }
}

public enum DatasetSplitter {
    /// The parts of `dataset`, in the order of `spec.parts`.
    public static func split(_ dataset: Dataset, _ spec: SplitSpec) throws(DataError) -> [(name: String, dataset: Dataset)] {
        let indices = try indices(dataset, spec)
        return zip(spec.parts, indices).map { part, indices in (part.name, dataset.subset(indices)) }
    }

    /// The sample indices of each part, in the order of `spec.parts`; deterministic for a seed.
    public static func indices(_ dataset: Dataset, _ spec: SplitSpec) throws(DataError) -> [[Int]] {
        let sizes = try sizes(spec.parts, count: dataset.count)
        if spec.stratify && dataset.labels.isEmpty { throw .splitStratifyWithoutLabels }
        var generator = SplitMix64(seed: spec.seed)
        var order = Array(0..<dataset.count)
        if spec.shuffle { generator.shuffle(&order) }
        if spec.stratify { order = stratifiedOrder(order, labels: dataset.labels) }

        var parts: [[Int]] = []
        var start = 0
        for size in sizes {
            var part = Array(order[start..<start + size])
            start += size
            if spec.stratify {
                if spec.shuffle { generator.shuffle(&part) } else { part.sort() }
            }
            parts.append(part)
        }
        return parts
    }

    /// The parts' sizes: counts as given, fractions from the rounded cumulative boundaries of `count`.
    static func sizes(_ parts: [SplitPart], count: Int) throws(DataError) -> [Int] {
        var names: Set<String> = []
        var fractionTotal = 0.0
        var fractionBoundary = 0
        var sizes: [Int] = []
        for part in parts {
            guard names.insert(part.name).inserted else { throw .splitDuplicatePart(part: part.name) }
            switch part.amount {
            case .fraction(let fraction):
                guard fraction.isFinite, fraction >= 0 else {
                    throw .splitBadAmount(part: part.name, reason: "the fraction \(fraction) is not a share of 0 to 100%")
                }
                fractionTotal += fraction
                let boundary = min(Int((fractionTotal * Double(count)).rounded()), count)
                sizes.append(boundary - fractionBoundary)
                fractionBoundary = boundary
            case .count(let size):
                guard size >= 0 else { throw .splitBadAmount(part: part.name, reason: "the count \(size) is negative") }
                guard size <= count else { throw .splitTooLarge(requested: size, available: count) }
                sizes.append(size)
            }
        }
        if fractionTotal > 1 + 1e-9 { throw .splitFractionsOverWhole(total: fractionTotal) }
        let requested = sizes.reduce(0, +)
        guard requested <= count else { throw .splitTooLarge(requested: requested, available: count) }
        if let empty = zip(parts, sizes).first(where: { $0.1 == 0 }) {
            throw .splitEmptyPart(part: empty.0.name, available: count)
        }
        return sizes
    }

    /// `order` regrouped so that every prefix holds each class about in proportion: the j-th sample (in
    /// `order`) of a class of n samples goes to position (j + 1/2) / n of the whole (Webster's apportionment),
    /// ties by label. Cutting the result into consecutive parts stratifies them.
    static func stratifiedOrder(_ order: [Int], labels: [Int32]) -> [Int] {
        var classSizes: [Int32: Int] = [:]
        for index in order { classSizes[labels[index], default: 0] += 1 }
        var seen: [Int32: Int] = [:]
        let keyed = order.map { index in
            let label = labels[index]
            let rank = seen[label, default: 0]
            seen[label] = rank + 1
            return (index: index, label: label, twiceRankPlusOne: 2 * rank + 1, classSize: classSizes[label]!)
        }
        return keyed.sorted { a, b in
            let left = a.twiceRankPlusOne * b.classSize
            let right = b.twiceRankPlusOne * a.classSize
            return left != right ? left < right : a.label < b.label
        }.map(\.index)
    }
}
