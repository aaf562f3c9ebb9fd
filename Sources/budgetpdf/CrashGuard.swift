import FoundationEssentials
import Glibc
import PDFLayout

/// Reports a crash while a document is read in this process (a single-file command reads
/// its document in process; see `IsolatedReader`) the way a crashed reader process is
/// reported: one line naming the file, and the page when a page was being read, then exit
/// 70. Without it a crash in poppler would end the command by a signal, with no word of
/// which file or page.
///
/// The handler runs in a process that has just faulted, so it only does what is
/// async-signal-safe: `write(2)` of bytes prepared beforehand, digits formatted into a
/// buffer allocated beforehand, `_exit(2)`. Each thread that reads pages gets an alternate
/// signal stack, so a stack overflow is reported too. After its line it calls the handler it
/// replaced — the Swift runtime's backtracer where that is on (a build with the dynamic
/// Swift runtime; a static one with `SWIFT_BACKTRACE=swift-backtrace=PATH`) — then exits 70.
/// What the command had staged is removed by the next run into the folder (output sets are
/// renamed into place whole).
enum CrashGuard {
    /// The signals a parser bug or a poppler fault raise (`fatalError` and traps: SIGILL or
    /// SIGTRAP; `abort`: SIGABRT).
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// "budgetpdf: NAME", prepared before the handler may need it.
    nonisolated(unsafe) private static var prefix = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    /// Room for a number's digits, formatted inside the handler.
    nonisolated(unsafe) private static let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)
    /// The page each thread is working on (`PageWork`), as a thread-specific value.
    nonisolated(unsafe) private static var pageKey = pthread_key_t()
    nonisolated(unsafe) private static var installed = false
    /// A test fault (`TestFault`): on work on this page, fault by a bad access or a stack overflow.
    nonisolated(unsafe) static var fault: (page: Int32, overflow: Bool)? = nil
    /// Bytes of each alternate signal stack.
    private static let altStackSize = 64 * 1024

    /// Until `end()`, a crash is reported as one on `name`.
    static func begin(_ name: String) {
        if !installed {
            installed = true
            pthread_key_create(&pageKey, nil)
            PageWork.observer = { page in
                pthread_setspecific(CrashGuard.pageKey, UnsafeRawPointer(bitPattern: Int(page)))
                if page != 0 { CrashGuard.ensureAltStack() }
                if let fault = CrashGuard.fault, fault.page == page {
                    if fault.overflow { CrashGuard.recurse(1) }
                    UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
                }
            }
        }
        let bytes = Array("budgetpdf: \(name)".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        let old = prefix
        prefix = buffer
        old.deallocate()
        ensureAltStack()
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = CrashGuard.handler
        action.sa_flags = Int32(bitPattern: UInt32(SA_SIGINFO) | UInt32(SA_ONSTACK) | UInt32(SA_RESETHAND) | UInt32(SA_NODEFER))
        sigemptyset(&action.sa_mask)
        for (i, signal) in signals.enumerated() { sigaction(signal, &action, previous + i) }
    }

    /// Crashes from here on are handled as before `begin` again.
    static func end() {
        for (i, signal) in signals.enumerated() { sigaction(signal, previous + i, nil) }
    }

    /// The handlers `begin` replaced (the Swift runtime's backtracer, where it is on), by
    /// the index of their signal in `signals`: the handler calls them after its line, so a
    /// crash still comes with a backtrace.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: signals.count)
        p.initialize(repeating: sigaction(), count: signals.count)
        return p
    }()

    /// Gives this thread an alternate signal stack if it has none, so that the handler can
    /// run after the thread's own stack overflowed. Allocated once per thread and kept.
    private static func ensureAltStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0,
              let memory = mmap(nil, altStackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: altStackSize)
        sigaltstack(&stack, nil)
    }

    private static let handler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, context in
        CrashGuard.say(UnsafeBufferPointer(CrashGuard.prefix))
        let page = Int(bitPattern: pthread_getspecific(CrashGuard.pageKey))
        if page > 0 {
            CrashGuard.say(": page ")
            CrashGuard.say(number: page)
        }
        CrashGuard.say(": budgetpdf crashed reading it (signal ")
        CrashGuard.say(number: Int(signal))
        CrashGuard.say(CrashGuard.name(of: signal))
        CrashGuard.say("); no output for it; please report this with the file\n")
        // Then the handler this one replaced (the backtracer prints where it crashed), if
        // it was a function that returns; either way the exit is 70.
        if let i = CrashGuard.signals.firstIndex(of: signal) {
            let old = CrashGuard.previous[i]
            if old.sa_flags & Int32(SA_SIGINFO) != 0, let chained = old.__sigaction_handler.sa_sigaction {
                chained(signal, info, context)
            } else if let chained = old.__sigaction_handler.sa_handler,
                      unsafeBitCast(chained, to: Int.self) != unsafeBitCast(SIG_DFL, to: Int.self),
                      unsafeBitCast(chained, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) {
                chained(signal)
            }
        }
        _exit(70)
    }

    private static func name(of signal: Int32) -> StaticString {
        switch signal {
        case SIGSEGV: return ", SIGSEGV"
        case SIGBUS: return ", SIGBUS"
        case SIGILL: return ", SIGILL"
        case SIGFPE: return ", SIGFPE"
        case SIGABRT: return ", SIGABRT"
        case SIGTRAP: return ", SIGTRAP"
        default: return ""
        }
    }

    /// Recursion without end, for the stack-overflow test fault.
    @inline(never)
    private static func recurse(_ depth: Int) {
        var frame = (depth, depth, depth, depth, depth, depth, depth, depth)
        withUnsafeMutablePointer(to: &frame) { p in p.pointee.0 &+= Int(bitPattern: pthread_getspecific(pageKey)) }
        recurse(depth &+ frame.0)
    }

    private static func say(_ text: StaticString) {
        _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
    }

    private static func say(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        _ = write(STDERR_FILENO, base, bytes.count)
    }

    /// Decimal digits of a non-negative number, without allocating.
    private static func say(number: Int) {
        var n = max(0, number), end = 24
        repeat {
            end -= 1
            digits[end] = UInt8(48 + n % 10)
            n /= 10
        } while n > 0 && end > 0
        _ = write(STDERR_FILENO, digits + end, 24 - end)
    }
}
