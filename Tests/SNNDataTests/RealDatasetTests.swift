// DatasetLoader and DatasetSplitter on the real data of shared/data (Iris, digits, MNIST), found through
// $SNNC_DATA; skipped without it.

import SNNData
import Testing

@Suite struct RealDatasetTests {
    @Test(.enabled(if: SharedData.has("iris/iris.csv"), "set SNNC_DATA to the shared data folder"))
    func irisMinMax() throws {
        let iris = try DatasetLoader.load(.csv(path: SharedData.path("iris/iris.csv"), hasHeader: true,
                                               label: .named("species")), normalize: .minMax)
        #expect(iris.count == 150)
        #expect(iris.featureShape == [4])
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        for feature in 0..<4 {
            let column = stride(from: feature, to: iris.features.count, by: 4).map { iris.features[$0] }
            #expect(column.min() == 0)
            #expect(column.max() == 1)
        }
        let parts = try DatasetSplitter.split(iris, SplitSpec(parts: [SplitPart("train", .fraction(0.8)),
                                                                      SplitPart("test", .fraction(0.2))],
                                                              shuffle: true, stratify: true, seed: 7))
        #expect(parts.map(\.dataset.count) == [120, 30])
        #expect((0..<3).map { label in parts[1].dataset.labels.count { $0 == label } } == [10, 10, 10])
    }

    @Test(.enabled(if: SharedData.has("digits/digits.csv.gz"), "set SNNC_DATA to the shared data folder"))
    func digits() throws {
        let digits = try DatasetLoader.load(.csv(path: SharedData.path("digits/digits.csv.gz"), hasHeader: false,
                                                 label: .index(64)))
        #expect(digits.count == 1797)
        #expect(digits.featureShape == [64])
        #expect(digits.classNames == (0...9).map(String.init))
        #expect(Set(digits.labels) == Set(0...9))
        #expect(digits.features.allSatisfy { (0...16).contains($0) })
        let parts = try DatasetSplitter.split(digits, SplitSpec(parts: [SplitPart("train", .count(1500)),
                                                                        SplitPart("test", .count(297))]))
        #expect(parts.map(\.dataset.count) == [1500, 297])
        #expect(parts[1].dataset.features(of: 0) == digits.features(of: 1500))
    }

    @Test(.enabled(if: SharedData.has("mnist/train-images-idx3-ubyte.gz"), "set SNNC_DATA to the shared data folder"))
    func mnistTrain() throws {
        let source = DatasetSource.idx(images: SharedData.path("mnist/train-images-idx3-ubyte.gz"),
                                       labels: SharedData.path("mnist/train-labels-idx1-ubyte.gz"))
        let mnist = try DatasetLoader.load(source)
        #expect(mnist.count == 60_000)
        #expect(mnist.featureShape == [28, 28])
        #expect(mnist.features.count == 60_000 * 784)
        #expect(mnist.features.min() == 0 && mnist.features.max() == 1)
        #expect(mnist.classNames == (0...9).map(String.init))
        let counts = (0...9).map { digit in mnist.labels.count { $0 == digit } }
        #expect(counts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
    }

    @Test(.enabled(if: SharedData.has("mnist/t10k-images-idx3-ubyte.gz"), "set SNNC_DATA to the shared data folder"))
    func mnistTestSamples() throws {
        let source = DatasetSource.idx(images: SharedData.path("mnist/t10k-images-idx3-ubyte.gz"),
                                       labels: SharedData.path("mnist/t10k-labels-idx1-ubyte.gz"))
        let all = try DatasetLoader.load(source)
        let quick = try DatasetLoader.load(source, samples: 1000)
        #expect(quick.count == 1000 && quick.sourceCount == 10_000)
        #expect(quick.features == Array(all.features.prefix(1000 * 784)))
        #expect(quick.labels == Array(all.labels.prefix(1000)))
        #expect(quick.classNames == all.classNames)
    }

    @Test(.enabled(if: SharedData.has("mnist/t10k-images-idx3-ubyte.gz"), "set SNNC_DATA to the shared data folder"))
    func mnistImagesWithTheWrongLabels() throws {
        let images = SharedData.path("mnist/t10k-images-idx3-ubyte.gz")
        let labels = SharedData.path("mnist/train-labels-idx1-ubyte.gz")
        #expect(throws: DataError.idxCountMismatch(images: images, imageCount: 10_000, labels: labels, labelCount: 60_000)) {
            try DatasetLoader.load(.idx(images: images, labels: labels))
        }
    }
}
