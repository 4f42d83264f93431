// ProgressBar: a one-line progress bar with the ETA on standard error, redrawn in place, for runs that last
// over a second and only when standard error is a terminal (so logs and pipes stay clean).

import Foundation

final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let write: (String) -> Void
    private let start = Date()
    private var shown = false
    private let lock = NSLock()

    init(total: Int, label: String = "", write: @escaping (String) -> Void) {
        self.total = max(total, 1)
        self.label = label.isEmpty ? "" : label + " "
        self.write = write
    }

    /// Called with the completed steps (or samples); draws once a second has passed, with `note` after the ETA.
    func update(_ done: Int, note: String = "") {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 1 else { return }
        shown = true
        let fraction = Double(done) / Double(total)
        let filled = Int(fraction * 30)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        write(String(format: "\r%@[%@] %3.0f%%  ETA %.0f s %@", label, bar, fraction * 100, eta, note))
    }

    /// Clears the line if anything was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r" + String(repeating: " ", count: 80) + "\r") }
    }
}
