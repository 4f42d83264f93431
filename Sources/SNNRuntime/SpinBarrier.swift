// SpinBarrier: a reusable barrier for long-lived worker threads. Arrivals count up an atomic; the last one
// resets the count and bumps the generation, which the others watch. Waiters spin first (a step is microseconds,
// and sleeping would cost more), then yield the core so that the barrier does not collapse when there are more
// threads than free cores. The spin budget adapts per thread: halved after a wait that had to yield, doubled
// after one that did not. Release/acquire ordering on the counter and the generation makes every write before
// the barrier visible to every thread after it.

import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class SpinBarrier: Sendable {
    let parties: Int
    /// Bounds of a thread's spin budget (polls before it starts yielding its core).
    static let minimumSpins = 256, maximumSpins = 32_768
    private let arrived = Atomic<Int>(0)
    private let generation = Atomic<Int>(0)

    init(parties: Int) {
        self.parties = parties
    }

    /// Waits for every party; `spins` is the calling thread's budget, adapted here.
    func wait(spins: inout Int) {
        guard parties > 1 else { return }
        let current = generation.load(ordering: .acquiring)
        if arrived.add(1, ordering: .acquiringAndReleasing).newValue == parties {
            arrived.store(0, ordering: .relaxed)
            generation.store(current &+ 1, ordering: .releasing)
            return
        }
        var polls = 0
        while generation.load(ordering: .acquiring) == current {
            if polls < spins {
                polls += 1
            } else {
                sched_yield()
            }
        }
        spins = polls < spins ? Swift.min(spins * 2, Self.maximumSpins) : Swift.max(spins / 2, Self.minimumSpins)
    }
}
