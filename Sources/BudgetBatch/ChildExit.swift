import Foundation

/// The end of a child process, waited for as soon as it happens.
///
/// Why not `Process.waitUntilExit()`: on Linux it spins the run loop in 50 ms slices and
/// looks at the child between them, so a child that has exited is noticed up to 50 ms
/// late. Each document of a multi-file `extract` paid that (50 ms of the ~120 ms it took),
/// and so did each page image of `report`. This waits on the termination handler instead,
/// which Foundation calls from its own queue when it reaps the child. The handler is set
/// here, before the launch, so an exit cannot come before anyone listens for it.
public final class ChildExit: Sendable {
    private let exited = DispatchSemaphore(value: 0)

    /// Launches `process` (`Process.run()`), listening for its end first.
    public init(launching process: Process) throws {
        let exited = exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
    }

    /// Returns once the child has exited (at once, if it has already).
    public func wait() {
        exited.wait()
        exited.signal()
    }

    /// Waits until the child has exited or `deadline` has passed, whichever comes first;
    /// true when it has exited.
    public func wait(until deadline: DispatchTime) -> Bool {
        guard exited.wait(timeout: deadline) == .success else { return false }
        exited.signal()
        return true
    }
}
