// The real datasets of shared/data (MNIST, digits, Iris), found through $SNNC_DATA; skipped without them.

import SNNData
import Testing

@Suite struct RealDataTests {
    @Test(.enabled(if: SharedData.has("mnist/t10k-images-idx3-ubyte.gz"), "set SNNC_DATA to the shared data folder"))
    func mnistTestImagesHeader() throws {
        let header = try IDXHeader.read(path: SharedData.path("mnist/t10k-images-idx3-ubyte.gz"))
        #expect(header.dataType == .unsignedByte)
        #expect(header.dimensions == [10_000, 28, 28])
    }

    @Test(.enabled(if: SharedData.has("mnist/train-images-idx3-ubyte.gz"), "set SNNC_DATA to the shared data folder"))
    func mnistTrainImagesInflateWhole() throws {
        let bytes = try DataFileReader.read(path: SharedData.path("mnist/train-images-idx3-ubyte.gz"))
        #expect(bytes.count == 47_040_016)
        let file = try IDXFile(parsing: bytes)
        #expect(file.dimensions == [60_000, 28, 28])
        #expect(file.payload.count == 47_040_000)
    }

    @Test(.enabled(if: SharedData.has("mnist/t10k-labels-idx1-ubyte.gz"), "set SNNC_DATA to the shared data folder"))
    func mnistTestLabelCounts() throws {
        let file = try IDXFile.read(path: SharedData.path("mnist/t10k-labels-idx1-ubyte.gz"))
        #expect(file.dimensions == [10_000])
        let counts = (0...9).map { digit in file.payload.count { $0 == digit } }
        #expect(counts == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    }

    @Test(.enabled(if: SharedData.has("digits/digits.csv.gz"), "set SNNC_DATA to the shared data folder"))
    func digits() throws {
        let path = SharedData.path("digits/digits.csv.gz")
        let header = try CSVHeader.read(path: path, hasHeader: false)
        #expect(header.columnNames == nil)
        #expect(header.columnCount == 65)
        let file = try CSVFile.read(path: path, hasHeader: false, label: .last)
        #expect(file.rowCount == 1797)
        #expect(file.featureCount == 64)
        #expect(file.features.allSatisfy { (0...16).contains($0) })
        let counts = (0...9).map { digit in file.labels.count { $0 == digit } }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    }

    @Test(.enabled(if: SharedData.has("iris/iris.csv"), "set SNNC_DATA to the shared data folder"))
    func iris() throws {
        let path = SharedData.path("iris/iris.csv")
        let header = try CSVHeader.read(path: path, hasHeader: true)
        #expect(header.columnNames == ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"])
        let file = try CSVFile.read(path: path, hasHeader: true, label: .named("species"))
        #expect(file.rowCount == 150)
        #expect(file.featureCount == 4)
        #expect(file.classCount == 3)
        #expect(file.classNames == ["setosa", "versicolor", "virginica"])
        #expect(file.labels == Array(repeating: 0, count: 50) + Array(repeating: 1, count: 50) + Array(repeating: 2, count: 50))
        #expect(file.features(ofRow: 34) == [4.9, 3.1, 1.5, 0.2])
    }
}
