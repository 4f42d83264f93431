// The CIFAR-10 binary reader on generated files in that format (the real data is not available offline):
// labels and pixel order, scaling to [0, 1], `samples`, and truncated files or bad labels as errors.

import Foundation
import SNNData
import Testing

/// `count` CIFAR-10 records: record r has label r % 10 and pixel k of channel c = (r + c + k) % 256.
func cifarRecords(_ count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    for r in 0..<count {
        bytes.append(UInt8(r % 10))
        for c in 0..<3 {
            for k in 0..<1024 { bytes.append(UInt8((r + c + k) % 256)) }
        }
    }
    return bytes
}

@Suite struct CIFARFileTests {
    @Test func recordsBecomeImagesOfThreeChannels() throws {
        let file = try TemporaryFile(name: "data_batch_1.bin", bytes: cifarRecords(12))
        defer { file.remove() }
        let dataset = try DatasetLoader.load(.cifar10(path: file.path))
        #expect(dataset.count == 12 && dataset.featureShape == [3, 32, 32])
        #expect(dataset.labels == (0..<12).map { Int32($0 % 10) })
        #expect(dataset.classNames.count == 10 && dataset.classNames[3] == "cat")
        let sample = Array(dataset.features(of: 5))
        #expect(sample[0] == Float(5) / 255)                      // red, pixel 0
        #expect(sample[1024 + 7] == Float(5 + 1 + 7) / 255)       // green, pixel 7
        #expect(sample[2048 + 1023] == Float((5 + 2 + 1023) % 256) / 255)
        let first = try DatasetLoader.load(.cifar10(path: file.path), samples: 4)
        #expect(first.count == 4 && first.sourceCount == 12)
    }

    @Test func aTruncatedFileIsAnError() throws {
        let file = try TemporaryFile(name: "broken.bin", bytes: Array(cifarRecords(3).dropLast(100)))
        defer { file.remove() }
        #expect(throws: DataError.self) { try DatasetLoader.load(.cifar10(path: file.path)) }
        do {
            _ = try DatasetLoader.load(.cifar10(path: file.path))
        } catch {
            #expect(error.description.contains("not a whole number of CIFAR-10 records"), "\(error)")
        }
    }

    @Test func aLabelOutsideTheTenClassesIsAnError() throws {
        var bytes = cifarRecords(3)
        bytes[CIFARFile.recordSize * 2] = 11
        let file = try TemporaryFile(name: "labels.bin", bytes: bytes)
        defer { file.remove() }
        do {
            _ = try DatasetLoader.load(.cifar10(path: file.path))
            Issue.record("a label of 11 was accepted")
        } catch {
            #expect(error.description.contains("record 3 has the label 11"), "\(error)")
        }
    }
}
