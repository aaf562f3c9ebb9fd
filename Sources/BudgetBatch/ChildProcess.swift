import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import Glibc

/// Runs a command with a time limit and an address-space limit (`ulimit -v` in a shell
/// that then execs it), collecting its standard error. The child dies with its parent
/// (`ParentDeath`), so a batch killed with SIGKILL leaves no document being written behind it.
enum ChildProcess {
    enum Result: Sendable {
        case exited(Int32, stderr: String)
        case signalled(Int32)
        case timedOut
        case couldNotStart(String)
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Double, memoryMB: Int) -> Result {
        let deathSignal = ParentDeath.setpriv.map { ([$0] + ParentDeath.setprivArguments).joined(separator: " ") + " " } ?? ""
        let child: Subprocess
        do {
            child = try Subprocess("/bin/sh", ["-c", "ulimit -v \(memoryMB * 1024) 2>/dev/null; exec \(deathSignal)\"$0\" \"$@\"", executable] + arguments,
                                   environment: ParentDeath.childEnvironment(), captureOutput: false, captureErrors: true)
        } catch {
            return .couldNotStart(error.description)
        }
        guard let end = child.wait(until: .now() + timeout) else {
            child.send(SIGTERM)
            if child.wait(until: .now() + 5) == nil { child.send(SIGKILL); child.wait() }
            return .timedOut
        }
        switch end {
        case .signalled(let signal): return .signalled(signal)
        case .exited(let code): return .exited(code, stderr: String(decoding: child.standardError, as: UTF8.self))
        }
    }
}

/// A fixed number of worker threads mapping over a list, results in input order.
struct Pool {
    var jobs: Int

    func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        let box = Results<R>(count: items.count)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "budgetpdf.batch", attributes: .concurrent)
        let next = Counter()
        for _ in 0..<max(1, min(jobs, items.count)) {
            queue.async(group: group) {
                while let i = next.take(below: items.count) { box.set(i, body(items[i])) }
            }
        }
        group.wait()
        return box.values
    }

    private final class Counter: Sendable {
        private let value = Mutex(0)
        func take(below limit: Int) -> Int? {
            value.withLock { value in
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }

    private final class Results<R: Sendable>: Sendable {
        private let storage: Mutex<[R?]>
        init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }
        func set(_ i: Int, _ r: R) { storage.withLock { $0[i] = r } }
        var values: [R] { storage.withLock { $0.map { $0! } } }
    }
}
