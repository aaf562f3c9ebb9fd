import CPopplerCore
import Dispatch
import FoundationEssentials
import Glibc

/// poppler's global state (its GlobalParams tables: ~1 ms, ~4 M instructions), set up on
/// another core while the caller does something else first — a command parses its
/// arguments — instead of when the first document is opened. A document opened before it
/// is done waits for it (poppler sets it up once, under a lock).
///
/// The process's exit waits for it too: poppler's globals must not be destroyed while
/// they are being built, and a command may fail and exit before it opens anything.
public enum PopplerSetup {
    nonisolated(unsafe) private static var done: DispatchSemaphore?

    /// Starts the set-up on another thread; call once, at start-up, before any document is
    /// opened.
    public static func startInBackground() {
        guard done == nil else { return }
        let semaphore = DispatchSemaphore(value: 0)
        done = semaphore
        atexit { PopplerSetup.waitIfStarted() }
        DispatchQueue.global(qos: .userInitiated).async {
            _ = bp_prepare()
            semaphore.signal()
        }
    }

    /// Waits for the set-up `startInBackground` started, if it did (the exit handler).
    private static func waitIfStarted() {
        guard let done else { return }
        done.wait()
        done.signal()  // a second waiter (none today) would not block
    }
}
