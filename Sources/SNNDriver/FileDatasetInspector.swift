// FileDatasetInspector: answers the checker's questions about a dataset from the file itself — the IDX header
// (and that the labels file has one label per image), the CSV's columns, rows and classes, or the number of
// CIFAR-10 records — found through
// the model's DataSearchPath.

import SNNData
import SNNSema

public struct FileDatasetInspector: DatasetInspector {
    let searchPath: DataSearchPath

    public init(searchPath: DataSearchPath) { self.searchPath = searchPath }

    public func inspect(_ request: DatasetRequest) -> DatasetInspection {
        guard let path = searchPath.resolve(request.path) else {
            return .notFound(searched: searchPath.candidates(request.path))
        }
        do throws(DataError) {
            switch request.reader {
            case "idx": return try idx(path, labels: request.labelsPath)
            case "cifar10":
                let count = try CIFARFile.recordCount(byteCount: try DataFileReader.read(path: path).count)
                return .found(DatasetShape(samples: count, featureShape: CIFARFile.shape, classes: CIFARFile.classNames.count))
            default: return try csv(path, request)
            }
        } catch {
            return .invalid(error.description)
        }
    }

    private func idx(_ path: String, labels: String?) throws(DataError) -> DatasetInspection {
        let header = try IDXHeader.read(path: path)
        let samples = header.dimensions[0]
        if let labels {
            guard let labelsPath = searchPath.resolve(labels) else {
                return .invalid("the labels file '\(labels)' is not found (looked in \(searchPath.candidates(labels).joined(separator: ", ")))")
            }
            let labelHeader = try IDXHeader.read(path: labelsPath)
            guard labelHeader.dimensions.first == samples else {
                return .invalid("'\(labels)' has \(labelHeader.dimensions.first ?? 0) labels but '\(path)' has \(samples) items")
            }
        }
        return .found(DatasetShape(samples: samples, featureShape: Array(header.dimensions.dropFirst()), classes: nil))
    }

    private func csv(_ path: String, _ request: DatasetRequest) throws(DataError) -> DatasetInspection {
        var column = CSVColumn.last
        if let label = request.labelColumn {
            column = Int(label).map(CSVColumn.index) ?? .named(label)
        }
        let file = try CSVFile.read(path: path, hasHeader: request.hasHeader, label: column)
        return .found(DatasetShape(samples: file.rowCount, featureShape: [file.featureCount], classes: file.classCount))
    }
}
