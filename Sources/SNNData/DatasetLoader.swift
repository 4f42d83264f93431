// DatasetLoader: reads a CSV, IDX or CIFAR-10 source into a Dataset — Float features (IDX unsigned bytes scaled to
// [0, 1]), integer labels with their class names — keeps the first `samples` when asked, then normalises the
// kept samples: CSV per feature column, IDX over all values.

/// Where a dataset's samples come from.
public enum DatasetSource: Equatable, Sendable {
    /// A CSV file (plain or gzip): every column but the label holds a numeric feature.
    case csv(path: String, hasHeader: Bool, label: CSVColumn?)
    /// An IDX file of items (the first dimension counts them) and an optional 1-D IDX file of their labels.
    case idx(images: String, labels: String?)
    /// A CIFAR-10 binary batch file (CIFARFile).
    case cifar10(path: String)
}

public enum DatasetLoader {
    /// The most classes numeric labels may name (labels 0..<limit).
    public static let classLimit = 65_536

    /// Loads `source`; `samples` keeps only the first ones (all when the source has fewer: compare
    /// `sourceCount` with `count`).
    public static func load(_ source: DatasetSource, normalize normalization: Normalization = .none,
                            samples: Int? = nil) throws(DataError) -> Dataset {
        if let samples, samples < 1 { throw .sampleCountNotPositive(samples) }
        switch source {
        case .csv(let path, let hasHeader, let label):
            return try loadCSV(path: path, hasHeader: hasHeader, label: label, samples: samples, normalization)
        case .idx(let images, let labels):
            return try loadIDX(images: images, labels: labels, samples: samples, normalization)
        case .cifar10(let path):
            let dataset = try CIFARFile.read(path: path, samples: samples)
            guard normalization != .none else { return dataset }
            var features = dataset.features
            normalization.apply(to: &features, columns: dataset.featureCount, perColumn: false)
            return Dataset(featureShape: dataset.featureShape, features: features, labels: dataset.labels,
                           classNames: dataset.classNames, count: dataset.count, sourceCount: dataset.sourceCount)
        }
    }

    private static func loadCSV(path: String, hasHeader: Bool, label: CSVColumn?, samples: Int?,
                                _ normalization: Normalization) throws(DataError) -> Dataset {
        let file = try CSVFile.read(path: path, hasHeader: hasHeader, label: label)
        let count = min(samples ?? file.rowCount, file.rowCount)
        var features = file.features[..<(count * file.featureCount)].map(Float.init)
        normalization.apply(to: &features, columns: file.featureCount, perColumn: true)
        let classNames: [String]
        if let names = file.classNames {
            classNames = names
        } else {
            classNames = try DataFileReader.inFile(path) { () throws(DataError) in try numericClassNames(file.labels) }
        }
        let labels = file.labels.prefix(count).map { Int32(truncatingIfNeeded: $0) }
        return Dataset(featureShape: [file.featureCount], features: features, labels: labels,
                       classNames: classNames, count: count, sourceCount: file.rowCount)
    }

    private static func loadIDX(images: String, labels labelsPath: String?, samples: Int?,
                                _ normalization: Normalization) throws(DataError) -> Dataset {
        let labelFile = try labelsPath.map { path throws(DataError) in try readLabels(path: path) }
        let file = try IDXFile.read(path: images)
        let itemCount = file.dimensions[0]
        if let labelsPath, let labelFile, labelFile.values.count != itemCount {
            throw .idxCountMismatch(images: images, imageCount: itemCount, labels: labelsPath,
                                    labelCount: labelFile.values.count)
        }
        let shape = file.dimensions.count > 1 ? Array(file.dimensions.dropFirst()) : [1]
        let count = min(samples ?? itemCount, itemCount)
        var features = file.floatValues(count: count * shape.reduce(1, *))
        normalization.apply(to: &features, columns: shape.reduce(1, *), perColumn: false)
        let labels = (labelFile?.values ?? []).prefix(count).map { Int32(truncatingIfNeeded: $0) }
        return Dataset(featureShape: shape, features: features, labels: labels, classNames: labelFile?.classNames ?? [],
                       count: count, sourceCount: itemCount)
    }

    /// The labels of a 1-D IDX file of class numbers, and their classes' names.
    private static func readLabels(path: String) throws(DataError) -> (values: [Int], classNames: [String]) {
        let file = try IDXFile.read(path: path)
        return try DataFileReader.inFile(path) { () throws(DataError) in
            guard file.dimensions.count == 1 else { throw .idxLabelsNotOneDimensional(dimensions: file.dimensions) }
            guard let values = file.integerValues() else { throw .idxLabelsNotIntegers(code: file.header.dataType.rawValue) }
            return (values, try numericClassNames(values))
        }
    }

    /// Names "0", "1", ... up to the largest of numeric labels, which must be class numbers.
    private static func numericClassNames(_ labels: [Int]) throws(DataError) -> [String] {
        guard let largest = labels.max() else { return [] }
        if let item = labels.firstIndex(where: { $0 < 0 }) { throw .negativeLabel(item: item, value: labels[item]) }
        guard largest < classLimit else { throw .tooManyClasses(largestLabel: largest, limit: classLimit) }
        return (0...largest).map(String.init)
    }
}
