// CIFARFile: the CIFAR-10 binary format — records of 1 label byte (0-9) and 3,072 pixel bytes (32 × 32 red,
// then green, then blue, row-major), as in `data_batch_1.bin` … `test_batch.bin` (plain or gzip). The length must
// be a whole number of records and every label a class; the pixels become Floats in [0, 1] of shape [3, 32, 32].

public enum CIFARFile {
    public static let recordSize = 3073
    public static let shape = [3, 32, 32]
    public static let classNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    /// How many records a file of `byteCount` bytes holds.
    public static func recordCount(byteCount: Int) throws(DataError) -> Int {
        guard byteCount > 0, byteCount % recordSize == 0 else { throw .cifarLength(byteCount: byteCount) }
        return byteCount / recordSize
    }

    /// The first `samples` records (all when nil) of the file's bytes.
    public static func parse(_ bytes: [UInt8], samples: Int?) throws(DataError) -> Dataset {
        let total = try recordCount(byteCount: bytes.count)
        let count = min(samples ?? total, total)
        let pixels = recordSize - 1
        var labels = [Int32](repeating: 0, count: count)
        var features = [Float](repeating: 0, count: count * pixels)
        try bytes.withUnsafeBufferPointer { (source) throws(DataError) in
            for record in 0..<count {
                let base = record * recordSize
                let label = source[base]
                guard label < 10 else { throw .cifarLabel(record: record, value: label) }
                labels[record] = Int32(label)
                let out = record * pixels
                for k in 0..<pixels { features[out + k] = Float(source[base + 1 + k]) / 255 }
            }
        }
        return Dataset(featureShape: shape, features: features, labels: labels, classNames: classNames, count: count,
                       sourceCount: total)
    }

    public static func read(path: String, samples: Int?) throws(DataError) -> Dataset {
        let bytes = try DataFileReader.read(path: path)
        return try DataFileReader.inFile(path) { () throws(DataError) in try parse(bytes, samples: samples) }
    }
}
