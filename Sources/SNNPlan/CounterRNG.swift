// CounterRNG: counter-based random numbers — a draw is a pure function of (seed, stream, counter, index), so the
// same seed gives the same numbers whatever the thread count or the order of evaluation. Streams separate the
// uses (one per random draw site, connectivity, spike sources); the counter is usually the step, the index the
// neuron or synapse. The mixing is SplitMix64's finaliser applied to each key part in turn.

import Foundation

public enum CounterRNG {
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64 random bits.
    @inline(__always)
    public static func bits(seed: UInt64, stream: UInt32, counter: UInt64, index: UInt64) -> UInt64 {
        mix(mix(mix(mix(seed) ^ UInt64(stream)) ^ counter) ^ index)
    }

    /// Uniform in [0, 1), with 53 random bits.
    @inline(__always)
    public static func unit(seed: UInt64, stream: UInt32, counter: UInt64, index: UInt64) -> Double {
        Double(bits(seed: seed, stream: stream, counter: counter, index: index) >> 11) * 0x1p-53
    }

    /// Uniform in [low, high).
    @inline(__always)
    public static func uniform(_ low: Double, _ high: Double, seed: UInt64, stream: UInt32, counter: UInt64,
                               index: UInt64) -> Double {
        low + (high - low) * unit(seed: seed, stream: stream, counter: counter, index: index)
    }

    /// Normal with the given mean and standard deviation (Box–Muller on the two halves of one draw).
    @inline(__always)
    public static func normal(_ mean: Double, _ sd: Double, seed: UInt64, stream: UInt32, counter: UInt64,
                              index: UInt64) -> Double {
        let b = bits(seed: seed, stream: stream, counter: counter, index: index)
        let u1 = (Double(b >> 32) + 0.5) * 0x1p-32
        let u2 = Double(b & 0xFFFF_FFFF) * 0x1p-32
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
