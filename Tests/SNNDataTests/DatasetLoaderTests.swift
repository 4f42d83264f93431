// DatasetLoader on hand-made files: CSV features, labels and normalisation values, `samples`, bad cells;
// IDX images scaled to [0, 1] with their labels, and damaged or mismatched IDX pairs.

import SNNData
import Testing

@Suite struct DatasetLoaderTests {
    /// An IDX file: 00 00, the type code, the dimension count, big-endian sizes, then `payload`.
    private func idx(type: UInt8 = 0x08, dimensions: [UInt32], payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for size in dimensions { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) } }
        return bytes + payload
    }

    private func loadCSV(_ text: String, hasHeader: Bool = true, label: CSVColumn? = .last,
                         normalize: Normalization = .none, samples: Int? = nil) throws -> Dataset {
        let file = try TemporaryFile(name: "data.csv", bytes: Array(text.utf8))
        defer { file.remove() }
        return try DatasetLoader.load(.csv(path: file.path, hasHeader: hasHeader, label: label), normalize: normalize,
                                      samples: samples)
    }

    private let table = "a,b,c,kind\n1,10,5,cat\n2,30,5,dog\n3,20,5,cat\n6,40,5,bird\n"

    @Test func csvFeaturesLabelsAndClasses() throws {
        let data = try loadCSV(table)
        #expect(data.count == 4)
        #expect(data.sourceCount == 4)
        #expect(data.featureShape == [3])
        #expect(data.featureCount == 3)
        #expect(data.features(of: 1) == [2, 30, 5])
        #expect(data.labels == [0, 1, 0, 2])
        #expect(data.classNames == ["cat", "dog", "bird"])
        #expect(data.classCount == 3)
    }

    @Test func minMaxPerColumn() throws {
        let data = try loadCSV(table, normalize: .minMax)
        #expect(data.features == [0, 0, 0, 0.2, 2.0 / 3, 0, 0.4, 1.0 / 3, 0, 1, 1, 0])
    }

    @Test func zScorePerColumnWithThePopulationDeviation() throws {
        let data = try loadCSV(table, normalize: .zScore)
        // a: mean 3, population deviation sqrt(3.5); b: mean 25, deviation sqrt(125); c is constant.
        let a = [1.0, 2, 3, 6].map { Float(($0 - 3) / 3.5.squareRoot()) }
        let b = [10.0, 30, 20, 40].map { Float(($0 - 25) / 125.0.squareRoot()) }
        #expect(data.features == (0..<4).flatMap { [a[$0], b[$0], 0] })
    }

    @Test func numericLabelsAreNamedByNumberAndSamplesKeepTheFirst() throws {
        let data = try loadCSV("0.5,2\n0.25,0\n1,1\n", hasHeader: false, label: .index(1), samples: 2)
        #expect(data.count == 2)
        #expect(data.sourceCount == 3)
        #expect(data.features == [0.5, 0.25])
        #expect(data.labels == [2, 0])
        #expect(data.classNames == ["0", "1", "2"])
        let all = try loadCSV("0.5,2\n0.25,0\n", hasHeader: false, label: .index(1), samples: 10)
        #expect(all.count == 2 && all.sourceCount == 2)
    }

    @Test func noLabelColumn() throws {
        let data = try loadCSV("x,y\n1,2\n3,4\n", label: nil)
        #expect(data.featureShape == [2])
        #expect(data.labels.isEmpty)
        #expect(data.classNames.isEmpty)
        #expect(data.classCount == 0)
    }

    @Test func garbledAndMissingCellsNameRowAndColumn() throws {
        let garbled = #expect(throws: DataError.self) { try loadCSV("a,b,kind\n1,2,x\n3,abc,y\n") }
        #expect(garbled?.description.hasSuffix("row 3, column 2 'b': 'abc' is not a number") == true)
        let missing = #expect(throws: DataError.self) { try loadCSV("a,b,kind\n1,,x\n") }
        #expect(missing?.description.hasSuffix("row 2, column 2 'b': missing value") == true)
    }

    @Test func numericLabelsBeyondTheClassLimit() throws {
        let file = try TemporaryFile(name: "data.csv", bytes: Array("1,70000\n2,1\n".utf8))
        defer { file.remove() }
        let error = DataError.inFile(path: file.path, .tooManyClasses(largestLabel: 70_000, limit: 65_536))
        #expect(throws: error) { try DatasetLoader.load(.csv(path: file.path, hasHeader: false, label: .last)) }
    }

    @Test func sampleCountMustBePositive() {
        #expect(throws: DataError.sampleCountNotPositive(0)) { try loadCSV(table, samples: 0) }
    }

    @Test func idxImagesAreScaledAndLabelled() throws {
        let images = try TemporaryFile(name: "images.idx", bytes: idx(dimensions: [3, 2, 2], payload: [0, 255, 51, 102,
                                                                                                       255, 0, 0, 0,
                                                                                                       1, 2, 3, 4]))
        let labels = try TemporaryFile(name: "labels.idx", bytes: idx(dimensions: [3], payload: [4, 0, 1]))
        defer { images.remove(); labels.remove() }
        let data = try DatasetLoader.load(.idx(images: images.path, labels: labels.path))
        #expect(data.featureShape == [2, 2])
        #expect(data.count == 3)
        #expect(data.features(of: 0) == [0, 1, 0.2, 0.4])
        #expect(data.features.allSatisfy { (0...1).contains($0) })
        #expect(data.labels == [4, 0, 1])
        #expect(data.classNames == ["0", "1", "2", "3", "4"])

        let first = try DatasetLoader.load(.idx(images: images.path, labels: labels.path), normalize: .minMax, samples: 2)
        #expect(first.count == 2 && first.sourceCount == 3)
        #expect(first.labels == [4, 0])
        #expect(first.features == [0, 1, 0.2, 0.4, 1, 0, 0, 0])

        let unlabelled = try DatasetLoader.load(.idx(images: images.path, labels: nil))
        #expect(unlabelled.labels.isEmpty && unlabelled.classNames.isEmpty)
    }

    @Test func idxNormalisationIsOverAllValues() throws {
        let images = try TemporaryFile(name: "images.idx", bytes: idx(dimensions: [2, 2], payload: [0, 0, 255, 255]))
        let inked = try TemporaryFile(name: "inked.idx", bytes: idx(dimensions: [2, 2], payload: [0, 255, 255, 255]))
        defer { images.remove(); inked.remove() }
        #expect(try DatasetLoader.load(.idx(images: images.path, labels: nil), normalize: .zScore).features == [-1, -1, 1, 1])
        #expect(try DatasetLoader.load(.idx(images: inked.path, labels: nil), normalize: .minMax).features == [0, 1, 1, 1])
    }

    @Test func idxOtherTypesAreReadAsStored() throws {
        let int16 = idx(type: 0x0B, dimensions: [2], payload: [0xFF, 0xFE, 0x01, 0x00])
        let images = try TemporaryFile(name: "images.idx", bytes: int16)
        defer { images.remove() }
        let data = try DatasetLoader.load(.idx(images: images.path, labels: nil))
        #expect(data.featureShape == [1])
        #expect(data.features == [-2, 256])
    }

    @Test func damagedIDXFiles() throws {
        let good = idx(dimensions: [2, 2, 2], payload: Array(0..<8))
        let truncated = try TemporaryFile(name: "truncated.idx", bytes: Array(good.dropLast(3)))
        let wrongMagic = try TemporaryFile(name: "magic.idx", bytes: [0x1F, 0x00] + good.dropFirst(2))
        defer { truncated.remove(); wrongMagic.remove() }
        #expect(throws: DataError.inFile(path: truncated.path, .idxLengthMismatch(
            dimensions: [2, 2, 2], elementSize: 1, expectedPayload: 8, actualPayload: 5))) {
            try DatasetLoader.load(.idx(images: truncated.path, labels: nil))
        }
        #expect(throws: DataError.inFile(path: wrongMagic.path, .badIDXMagic(bytes: [0x1F, 0, 8, 3]))) {
            try DatasetLoader.load(.idx(images: wrongMagic.path, labels: nil))
        }
    }

    @Test func badLabelFiles() throws {
        let images = try TemporaryFile(name: "images.idx", bytes: idx(dimensions: [2, 2], payload: [1, 2, 3, 4]))
        let three = try TemporaryFile(name: "three.idx", bytes: idx(dimensions: [3], payload: [0, 1, 2]))
        let square = try TemporaryFile(name: "square.idx", bytes: idx(dimensions: [2, 2], payload: [0, 1, 2, 3]))
        let floats = try TemporaryFile(name: "floats.idx", bytes: idx(type: 0x0D, dimensions: [2], payload: [0, 0, 0, 0,
                                                                                                          0, 0, 0, 0]))
        let negative = try TemporaryFile(name: "negative.idx", bytes: idx(type: 0x09, dimensions: [2], payload: [1, 255]))
        defer { [images, three, square, floats, negative].forEach { $0.remove() } }

        let mismatch = DataError.idxCountMismatch(images: images.path, imageCount: 2, labels: three.path, labelCount: 3)
        #expect(throws: mismatch) { try DatasetLoader.load(.idx(images: images.path, labels: three.path)) }
        #expect(mismatch.description == "\(images.path) holds 2 images but \(three.path) holds 3 labels; "
                    + "there must be one label per image")
        #expect(throws: DataError.inFile(path: square.path, .idxLabelsNotOneDimensional(dimensions: [2, 2]))) {
            try DatasetLoader.load(.idx(images: images.path, labels: square.path))
        }
        #expect(throws: DataError.inFile(path: floats.path, .idxLabelsNotIntegers(code: 0x0D))) {
            try DatasetLoader.load(.idx(images: images.path, labels: floats.path))
        }
        #expect(throws: DataError.inFile(path: negative.path, .negativeLabel(item: 1, value: -1))) {
            try DatasetLoader.load(.idx(images: images.path, labels: negative.path))
        }
    }

    @Test func subsetCopiesTheChosenSamples() throws {
        let data = try loadCSV(table)
        let subset = data.subset([3, 0, 3])
        #expect(subset.count == 3 && subset.sourceCount == 3)
        #expect(subset.features == [6, 40, 5, 1, 10, 5, 6, 40, 5])
        #expect(subset.labels == [2, 0, 2])
        #expect(subset.classNames == data.classNames)
    }
}
