// InterruptFlag: Ctrl-C during `snnc run` stops the simulation cleanly after the current step, so that what was
// recorded is still written; a second Ctrl-C ends the process at once.

import Dispatch
import Foundation

final class InterruptFlag: @unchecked Sendable {
    private var source: DispatchSourceSignal?
    private let lock = NSLock()
    private var interrupted = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }

    /// Catches SIGINT until `stop()`.
    func start() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            let second = self.interrupted
            self.interrupted = true
            self.lock.unlock()
            if second { exit(130) }
            FileHandle.standardError.write(Data("\nstopping after this step (Ctrl-C again to quit now)\n".utf8))
        }
        source.resume()
        self.source = source
    }

    func stop() {
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }
}
