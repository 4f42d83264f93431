// WorkerPool: the long-lived helper threads of an Engine. A training run calls `Engine.run(from:to:)` twice per
// sample (present, rest), tens of thousands of times; starting threads for each segment cost more than a short
// segment's steps. The helpers are started on the first segment and then park on a semaphore between segments:
// `run` hands helper k its job, wakes it, runs worker 0's share on the calling thread and waits until every
// helper is done. Semaphores order the job's writes before and after. The helpers hold the pool, never the
// engine (the job is dropped after each segment); `shutdown` (from the engine's deinit) lets them exit.

import Foundation

final class WorkerPool: @unchecked Sendable {
    let helpers: Int
    private let wake: [DispatchSemaphore]
    private let finished = DispatchSemaphore(value: 0)
    /// The current segment's work for worker k (set only while no helper runs).
    private var job: ((Int) -> Void)?
    private var started = false
    private var quitting = false

    /// A pool for `workers` workers: worker 0 is the caller, the others are helper threads.
    init(workers: Int) {
        helpers = Swift.max(workers - 1, 0)
        wake = (0..<helpers).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Runs `job(k)` for every worker k, worker 0 on the calling thread; returns when all are done.
    func run(_ job: @escaping (Int) -> Void) {
        guard helpers > 0 else { return job(0) }
        if !started { start() }
        self.job = job
        for semaphore in wake { semaphore.signal() }
        job(0)
        for _ in 0..<helpers { finished.wait() }
        self.job = nil
    }

    /// Lets the helpers exit (they are parked between segments).
    func shutdown() {
        guard started else { return }
        quitting = true
        for semaphore in wake { semaphore.signal() }
    }

    private func start() {
        started = true
        for k in 1...helpers {
            let thread = Thread { [self] in
                while true {
                    wake[k - 1].wait()
                    if quitting { return }
                    job!(k)
                    finished.signal()
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
