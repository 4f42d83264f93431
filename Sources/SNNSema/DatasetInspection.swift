// DatasetInspection: what the checker asks of a dataset file — its shape, read from the IDX or CSV header — and
// the answers. The driver implements the inspector (it knows where data is searched); the checker stays pure.

public struct DatasetRequest: Sendable {
    /// `csv` or `idx`.
    public var reader: String
    public var path: String
    public var labelsPath: String?
    public var hasHeader: Bool
    /// The label column, by name or by index.
    public var labelColumn: String?
}

public struct DatasetShape: Sendable, Equatable {
    public var samples: Int
    /// The shape of one sample's features: `[28, 28]` for MNIST, `[4]` for Iris.
    public var featureShape: [Int]
    public var classes: Int?

    public init(samples: Int, featureShape: [Int], classes: Int?) {
        self.samples = samples
        self.featureShape = featureShape
        self.classes = classes
    }
}

public enum DatasetInspection: Sendable {
    case found(DatasetShape)
    case notFound(searched: [String])
    /// The file exists but is not what the declaration says (bad magic, no such label column, …).
    case invalid(String)
}

public protocol DatasetInspector: Sendable {
    func inspect(_ request: DatasetRequest) -> DatasetInspection
}

/// An inspector that finds nothing: shapes from data stay unknown (used when no file system is wanted).
public struct NoDatasetInspector: DatasetInspector {
    public init() {}
    public func inspect(_ request: DatasetRequest) -> DatasetInspection { .notFound(searched: []) }
}
