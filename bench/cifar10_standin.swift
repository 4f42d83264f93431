// Writes a stand-in for CIFAR-10 in its binary format (1 label byte + 3,072 pixel bytes per record: 1,024 red,
// 1,024 green, 1,024 blue, row-major 32x32), because the real files cannot be downloaded here. Each class is a
// sinusoidal grating with its own orientation and colour balance, its phase jittered by up to ±0.6 rad, plus
// pixel noise: learnable from a few hundred samples, not from one pixel. Deterministic.
//
// Usage: swift bench/cifar10_standin.swift OUT_DIR [TRAIN_RECORDS] [TEST_RECORDS]
// writes OUT_DIR/cifar10/data_batch_1.bin and OUT_DIR/cifar10/test_batch.bin (defaults 10,000 and 2,000).

import Foundation

var state: UInt64 = 0x5EED
func unit() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
}

func records(_ count: Int) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 3073)
    for r in 0..<count {
        let label = r % 10
        let angle = Double(label) * .pi / 10, phase = (unit() - 0.5) * 1.2
        let gains = [0.4 + 0.6 * Double(label % 3 == 0 ? 1 : 0), 0.4 + 0.6 * Double(label % 3 == 1 ? 1 : 0),
                     0.4 + 0.6 * Double(label % 3 == 2 ? 1 : 0)]
        bytes.append(UInt8(label))
        for channel in 0..<3 {
            for y in 0..<32 {
                for x in 0..<32 {
                    let wave = sin(0.8 * (Double(x) * cos(angle) + Double(y) * sin(angle)) + phase)
                    let value = 128 + 100 * gains[channel] * wave + (unit() - 0.5) * 80
                    bytes.append(UInt8(max(0, min(255, value.rounded()))))
                }
            }
        }
    }
    return Data(bytes)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: swift bench/cifar10_standin.swift OUT_DIR [TRAIN_RECORDS] [TEST_RECORDS]\n".data(using: .utf8)!)
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).appendingPathComponent("cifar10")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
try records(arguments.count > 2 ? Int(arguments[2])! : 10_000).write(to: folder.appendingPathComponent("data_batch_1.bin"))
try records(arguments.count > 3 ? Int(arguments[3])! : 2_000).write(to: folder.appendingPathComponent("test_batch.bin"))
print("wrote \(folder.path)/data_batch_1.bin and test_batch.bin")
