// The .snnw weight file: a round trip keeps names and values bit for bit; a truncated file, another file type
// or another model's file is refused with a message that says which.

import Foundation
import Testing
@testable import SNNRuntime

@Suite struct WeightFileTests {
    let saved = [SavedProjection(name: "a -> b", variables: [("w", [0.5, -1.25, .pi]), ("e", [0, 1e-30, 7])])]

    @Test func aRoundTripKeepsEveryValue() throws {
        let data = WeightFile.encode(saved, modelHash: 42)
        #expect(try WeightFile.decode(data, modelHash: 42, path: "x.snnw") == saved)
    }

    @Test func damagedOrForeignFilesAreRefused() {
        let data = WeightFile.encode(saved, modelHash: 42)
        func message(_ bytes: Data, hash: UInt64 = 42) -> String {
            do {
                _ = try WeightFile.decode(bytes, modelHash: hash, path: "x.snnw")
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(data.prefix(data.count - 3)).contains("truncated"))
        #expect(message(Data("PK\u{3}\u{4}rest".utf8)).contains("not a snnc weight file"))
        #expect(message(data, hash: 7).contains("different model"))
    }
}
