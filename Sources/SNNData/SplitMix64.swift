// SplitMix64: a small seeded generator (Steele, Lea & Flood 2014) with unbiased bounded draws (Lemire 2019)
// and a Fisher–Yates shuffle, written out here so that a split depends only on its seed, never on the
// standard library's version. It is also a RandomNumberGenerator (the tests draw from it).

struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ z >> 30) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ z >> 27) &* 0x94D0_49BB_1331_11EB
        return z ^ z >> 31
    }

    /// A uniform draw from 0..<bound (bound > 0).
    mutating func next(below bound: UInt64) -> UInt64 {
        var (high, low) = bound.multipliedFullWidth(by: next())
        if low < bound {
            let threshold = (0 &- bound) % bound
            while low < threshold { (high, low) = bound.multipliedFullWidth(by: next()) }
        }
        return high
    }

    /// Puts `elements` in a uniformly random order.
    mutating func shuffle<Element>(_ elements: inout [Element]) {
        for index in elements.indices.dropFirst().reversed() {
            elements.swapAt(index, Int(next(below: UInt64(index + 1))))
        }
    }
}
