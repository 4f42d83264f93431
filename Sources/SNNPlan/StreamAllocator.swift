// StreamAllocator: hands out the random stream ids of a plan. Every draw site of every program gets its own
// stream (see `CounterRNG`), so two sites — or two populations of one model — never share random numbers.
// The planner keeps one allocator for the whole plan and passes it to every compiler that draws.

public struct StreamAllocator: Sendable {
    /// The next id `fresh()` returns.
    public private(set) var next: UInt32

    /// Stream 0 is left unused (it is the `stream` of instructions that do not draw).
    public init(first: UInt32 = 1) {
        next = first
    }

    public mutating func fresh() -> UInt32 {
        defer { next += 1 }
        return next
    }
}
