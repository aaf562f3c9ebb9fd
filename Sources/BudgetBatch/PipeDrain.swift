import Foundation

/// A pipe's bytes, read to its end on a thread of its own from the moment this is made.
///
/// A child writing to a pipe blocks once the pipe's buffer (64 KB) is full, so whoever
/// waits for the child must keep reading meanwhile: a reader's document, a renderer's
/// page list, a batch child's messages.
public final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `handle` to its end.
    public init(_ handle: FileHandle) {
        Thread.detachNewThread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// The bytes, once the pipe has ended (every writer closed it, or died).
    public func wait() -> Data {
        done.wait()
        done.signal()
        return data
    }
}
