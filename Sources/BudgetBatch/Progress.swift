import BudgetExport
import FoundationEssentials
import Glibc
import Synchronization

/// Reports a batch as it goes, on standard error: a bar redrawn in place on a terminal,
/// a plain line every few seconds otherwise (logs, CI).
public final class Progress: Sendable {
    private struct Counts {
        var total = 0, done = 0, failed = 0, tables = 0
        var started = Date(), lastLine = Date.distantPast
    }

    private let counts = Mutex(Counts())
    private let terminal: Bool
    private let quiet: Bool

    public init(quiet: Bool = false) {
        terminal = isatty(STDERR_FILENO) == 1
        self.quiet = quiet
    }

    func start(total: Int) {
        counts.withLock { c in
            c.total = total
            c.started = Date()
            draw(&c, force: true)
        }
    }

    func finished(tables: Int, failed: Bool) {
        counts.withLock { c in
            c.done += 1
            if failed { c.failed += 1 }
            c.tables += tables
            draw(&c, force: c.done == c.total)
        }
    }

    func end() {
        counts.withLock { _ in
            if terminal && !quiet { Descriptor.printError("\n") }
        }
    }

    private func draw(_ c: inout Counts, force: Bool) {
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(c.started)
        let eta = c.done > 0 ? elapsed / Double(c.done) * Double(c.total - c.done) : 0
        let status = "\(c.done)/\(c.total) documents, \(c.failed) failed, \(c.tables) tables, ETA \(Self.clock(eta))"
        if terminal {
            let width = 24, filled = c.total > 0 ? width * c.done / c.total : width
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            Descriptor.printError("\r[\(bar)] \(status)\u{1B}[K")
        } else if force || Date().timeIntervalSince(c.lastLine) >= 5 {
            c.lastLine = Date()
            Descriptor.printError("budgetpdf: batch: \(status)\n")
        }
    }

    /// `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))"
    }
}
