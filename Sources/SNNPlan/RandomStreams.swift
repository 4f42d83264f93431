// RandomStreams: the CounterRNG streams the runtime draws from on its own, reserved so that the planner's draw
// sites (`Instruction.stream`, connectivity) never collide with them: streams from 0x8000_0000 up belong to the
// runtime; the planner numbers its streams below that. And keyed draws: many draws that share seed, stream and
// counter (one step of a source group, one block of a program) hash that shared part once.

import Foundation

extension ExecutionPlan {
    /// The first stream reserved for the runtime.
    public static let firstRuntimeStream: UInt32 = 0x8000_0000

    /// The stream of the spikes of source group `group` (Poisson and Bernoulli draws, keyed by step and source).
    public static func sourceStream(group: Int) -> UInt32 { firstRuntimeStream &+ UInt32(truncatingIfNeeded: group) }

    /// The stream of BP-STDP's teacher spikes (one draw per step, index 0), apart from every source group's.
    public static let teacherStream: UInt32 = firstRuntimeStream &+ 0x4000_0000
}

extension CounterRNG {
    /// The hash of (seed, stream, counter): `bits(key: key(…), index: i)` equals `bits(seed:stream:counter:index: i)`.
    public static func key(seed: UInt64, stream: UInt32, counter: UInt64) -> UInt64 {
        mix(mix(mix(seed) ^ UInt64(stream)) ^ counter)
    }

    public static func bits(key: UInt64, index: UInt64) -> UInt64 { mix(key ^ index) }

    /// `unit(seed:stream:counter:index:)` from a key.
    public static func unit(key: UInt64, index: UInt64) -> Double { Double(bits(key: key, index: index) >> 11) * 0x1p-53 }

    /// `uniform(low, high, seed:stream:counter:index:)` from a key.
    public static func uniform(_ low: Double, _ high: Double, key: UInt64, index: UInt64) -> Double {
        low + (high - low) * unit(key: key, index: index)
    }

    /// `normal(mean, sd, seed:stream:counter:index:)` from a key (the same Box–Muller transform).
    public static func normal(_ mean: Double, _ sd: Double, key: UInt64, index: UInt64) -> Double {
        let b = bits(key: key, index: index)
        let u1 = (Double(b >> 32) + 0.5) * 0x1p-32
        let u2 = Double(b & 0xFFFF_FFFF) * 0x1p-32
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
