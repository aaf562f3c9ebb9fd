import BudgetExport
import Dispatch
import FoundationEssentials
import Glibc

/// A child process started with posix_spawn(3): its standard input fed from bytes or
/// /dev/null, its standard output and error captured or sent to /dev/null, its end waited
/// for as soon as it happens.
///
/// Foundation's `Process` did this before; it was the largest part of the Foundation
/// library that every run linked and paid for at start-up (its conformance records alone
/// made each of the runtime's type look-ups slower), for something three call sites need.
/// As `Process` did, the child gets a process group of its own, so that a terminal's ^C
/// reaches only this process, which ends its children itself (`ParentDeath`).
///
/// Each captured stream is read to its end on a thread of its own from the start: a child
/// writing to a pipe blocks once the pipe's buffer (64 KB) is full, so whoever waits for
/// the child must keep reading meanwhile. Another thread waits for the child with
/// waitpid(2) (`Process.waitUntilExit()` on Linux looked only every 50 ms).
public final class Subprocess: @unchecked Sendable {
    /// How the child ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        /// Killed by this signal (a crash, a timeout's kill).
        case signalled(Int32)
    }

    /// A child that could not be started: posix_spawn's reason.
    public struct LaunchError: Error, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "cannot run \(executable): \(String(cString: strerror(code)))" }
    }

    public let pid: pid_t
    private let ended = DispatchSemaphore(value: 0)
    private var termination: Termination = .exited(0)
    private let output: Drain?, errors: Drain?

    /// Starts `executable` (a path; no search of PATH) with `arguments` (without argv[0])
    /// and `environment` (this process's when nil). `input` is written to its standard
    /// input, which is /dev/null when nil.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                input: [UInt8]? = nil, captureOutput: Bool, captureErrors: Bool) throws(LaunchError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))

        // Pipes are made close-on-exec, so that a child started by another thread at the
        // same moment does not inherit them (and keep a reader waiting for an end that
        // comes only when that child ends); the child's own ends are dup2-ed, which clears it.
        var opened: [Int32] = []
        func pipe() throws(LaunchError) -> (read: Int32, write: Int32) {
            var fds: [Int32] = [-1, -1]
            guard Self.pipeCloseOnExec(&fds) == 0 else {
                let code = errno
                opened.forEach { _ = close($0) }
                throw LaunchError(executable: executable, code: code)
            }
            opened += fds
            return (fds[0], fds[1])
        }
        let inPipe = input == nil ? nil : try pipe()
        let outPipe = captureOutput ? try pipe() : nil
        let errPipe = captureErrors ? try pipe() : nil
        for (fd, pipeEnd) in [(Int32(0), inPipe?.read), (1, outPipe?.write), (2, errPipe?.write)] {
            if let pipeEnd {
                posix_spawn_file_actions_adddup2(&actions, pipeEnd, fd)
            } else {
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, env)
        // The child's ends belong to the child now (or to no one, if it did not start).
        for end in [inPipe?.read, outPipe?.write, errPipe?.write] { if let end { close(end) } }
        guard status == 0 else {
            for end in [inPipe?.write, outPipe?.read, errPipe?.read] { if let end { close(end) } }
            throw LaunchError(executable: executable, code: status)
        }
        pid = child
        output = outPipe.map { Drain($0.read) }
        errors = errPipe.map { Drain($0.read) }
        if let input, let inPipe { Self.feed(input, to: inPipe.write) }
        let ended = ended, pid = child
        detachThread { [self] in
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
            // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import (macros).
            let signal = raw & 0x7F
            termination = signal != 0 && signal != 0x7F ? .signalled(signal) : .exited((raw >> 8) & 0xFF)
            ended.signal()
        }
    }

    /// Waits for the child to end.
    @discardableResult
    public func wait() -> Termination {
        ended.wait()
        ended.signal()
        return termination
    }

    /// How the child ended, once it has, or nil if `deadline` came first.
    public func wait(until deadline: DispatchTime) -> Termination? {
        guard ended.wait(timeout: deadline) == .success else { return nil }
        ended.signal()
        return termination
    }

    /// Sends `signal` to the child (SIGTERM asks it to end, as `Process.terminate()` did).
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Everything the child wrote to its standard output, once it has closed it (ended).
    public var standardOutput: [UInt8] { output?.wait() ?? [] }

    /// Everything the child wrote to its standard error, once it has closed it (ended).
    public var standardError: [UInt8] { errors?.wait() ?? [] }

    /// Writes `bytes` to `fd` on a thread of its own and closes it. A child that exits
    /// without reading all of it ends the write (EPIPE); SIGPIPE is blocked on that thread
    /// only, so it does not end this process.
    private static func feed(_ bytes: [UInt8], to fd: Int32) {
        detachThread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            Descriptor.write(fd, bytes)
            close(fd)
        }
    }

    /// pipe2(2) with O_CLOEXEC: glibc's, looked up once (Swift's Glibc module leaves out
    /// what needs _GNU_SOURCE); where it is absent, pipe(2) then FD_CLOEXEC on each end.
    private static func pipeCloseOnExec(_ fds: UnsafeMutablePointer<Int32>) -> Int32 {
        if let pipe2 { return pipe2(fds, O_CLOEXEC) }
        guard Glibc.pipe(fds) == 0 else { return -1 }
        for i in 0..<2 { _ = fcntl(fds[i], F_SETFD, FD_CLOEXEC) }
        return 0
    }

    private static let pipe2: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    }()
}

/// A pipe's bytes, read to its end on a thread of its own from the moment this is made.
final class Drain: @unchecked Sendable {
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `fd` to its end; closes it there.
    init(_ fd: Int32) {
        detachThread { [self] in
            bytes = Descriptor.readAll(fd)
            close(fd)
            done.signal()
        }
    }

    /// The bytes, once every writer has closed the pipe (or died).
    func wait() -> [UInt8] {
        done.wait()
        done.signal()
        return bytes
    }
}

/// Runs `body` on a new detached thread: for work that blocks in a system call (reading a
/// pipe, waiting for a child), which would hold a thread of Dispatch's shared pool.
func detachThread(_ body: @escaping @Sendable () -> Void) {
    final class Box: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, { context in
        Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, context)
    if status == 0 {
        pthread_detach(thread)
    } else {
        // No thread to be had (a process at its limit): Dispatch's pool still runs it.
        let box = Unmanaged<Box>.fromOpaque(context).takeRetainedValue()
        DispatchQueue.global().async { box.body() }
    }
}
