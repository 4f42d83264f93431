// Dataset: samples ready for a network — Float features in one row-major array (samples x features), the
// shape of one sample, optional integer labels and the classes' names. Subsets copy the chosen samples.

public struct Dataset: Equatable, Sendable {
    /// The shape of one sample: [4] for Iris, [28, 28] for MNIST, [64] for the 8x8 digits.
    public let featureShape: [Int]
    /// `count` x `featureCount` values, sample by sample.
    public let features: [Float]
    /// One class index per sample; empty when the dataset has no labels.
    public let labels: [Int32]
    /// Class i's name (text labels as written, numeric ones "0", "1", ...); empty without labels.
    public let classNames: [String]
    public let count: Int
    /// Values per sample: the product of `featureShape`.
    public let featureCount: Int
    /// The samples the source held; more than `count` when `samples =` kept only the first ones.
    public let sourceCount: Int

    public var classCount: Int { classNames.count }

    public init(featureShape: [Int], features: [Float], labels: [Int32], classNames: [String], count: Int,
                sourceCount: Int? = nil) {
        featureCount = featureShape.reduce(1, *)
        precondition(features.count == count * featureCount, "features do not fill count x shape")
        precondition(labels.isEmpty || labels.count == count, "one label per sample, or none")
        self.featureShape = featureShape
        self.features = features
        self.labels = labels
        self.classNames = classNames
        self.count = count
        self.sourceCount = sourceCount ?? count
    }

    /// The features of one sample (0-based).
    public func features(of sample: Int) -> ArraySlice<Float> {
        features[sample * featureCount..<(sample + 1) * featureCount]
    }

    /// The samples at `indices`, in that order (an index may repeat).
    public func subset(_ indices: [Int]) -> Dataset {
        var chosen: [Float] = []
        chosen.reserveCapacity(indices.count * featureCount)
        for index in indices { chosen.append(contentsOf: features(of: index)) }
        let chosenLabels = labels.isEmpty ? [] : indices.map { labels[$0] }
        return Dataset(featureShape: featureShape, features: chosen, labels: chosenLabels, classNames: classNames,
                       count: indices.count)
    }
}
