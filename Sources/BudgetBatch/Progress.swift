import Foundation

/// Reports a batch as it goes, on standard error: a bar redrawn in place on a terminal,
/// a plain line every few seconds otherwise (logs, CI).
public final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0, done = 0, failed = 0, tables = 0
    private var started = Date(), lastLine = Date.distantPast
    private let terminal: Bool
    private let quiet: Bool

    public init(quiet: Bool = false) {
        terminal = isatty(STDERR_FILENO) == 1
        self.quiet = quiet
    }

    func start(total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.total = total
        started = Date()
        draw(force: true)
    }

    func finished(tables: Int, failed: Bool) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if failed { self.failed += 1 }
        self.tables += tables
        draw(force: done == total)
    }

    func end() {
        lock.lock(); defer { lock.unlock() }
        if terminal && !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(force: Bool) {
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(started)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let status = "\(done)/\(total) documents, \(failed) failed, \(tables) tables, ETA \(Self.clock(eta))"
        if terminal {
            let width = 24, filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(status)\u{1B}[K".utf8))
        } else if force || Date().timeIntervalSince(lastLine) >= 5 {
            lastLine = Date()
            FileHandle.standardError.write(Data("budgetpdf: batch: \(status)\n".utf8))
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    }
}
