import BudgetModel
import FoundationEssentials
import Glibc

/// A document's output files, made to appear whole or not at all.
///
/// Every file of the set is first written into a staging folder beside the outputs
/// (`.<stem>.<pid>.budgetpdf-set/`). When the set is complete a `commit` list is written
/// into it, and only then are the files renamed into place, one rename each. A run killed
/// before the commit list leaves only the staging folder, which the next run deletes; a run
/// killed while renaming leaves the list, and the next run finishes the renames. Either way
/// a reader of the folder ends up with the old set or the new one, never a mix.
struct OutputSet {
    /// What `commit` records: the names to rename into place and the stale names of the
    /// previous set (same formats) to delete.
    struct Plan: Codable, Equatable {
        var place: [String]
        var remove: [String]

        /// The plan as the commit file holds it: what `JSONEncoder` writes for it, keys sorted.
        var json: [UInt8] {
            JSONWriter.bytes(pretty: false, capacity: 256) { w in
                w.object { w in
                    w.key("place"); w.strings(place)
                    w.key("remove"); w.strings(remove)
                }
            }
        }
    }

    static let suffix = ".budgetpdf-set"
    static let commitFile = "commit"

    let base: URL
    let staging: URL
    /// The files staged so far, made durable together before the commit.
    private let written = Written()

    private final class Written {
        var paths: [String] = []
    }

    init(base: URL, stem: String) {
        self.base = base
        staging = base.appendingPathComponent(".\(stem).\(getpid())\(Self.suffix)")
    }

    /// A fresh, empty staging folder.
    func begin() throws {
        let fm = FileManager.default
        try Self.makeFolder(base, withParents: true)
        try? fm.removeItem(at: staging)
        try Self.makeFolder(staging, withParents: false)
    }

    /// Creates `folder`, failing with the system's reason ("mkdir out: Not a directory")
    /// rather than Foundation's "The operation could not be completed".
    static func makeFolder(_ folder: URL, withParents: Bool) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: withParents)
        } catch {
            guard let code = ErrorText.posixCode(error) else { throw error }
            throw FileError(path: folder.path, call: "mkdir", code: code)
        }
    }

    /// Where a file of the set is staged.
    func staged(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// Stages `bytes` as the file `name` (a path under the staging folder). Its bytes are
    /// made durable at the commit, with the other files' (`sync`).
    func write(_ bytes: [UInt8], as name: String) throws {
        let path = staging.path + "/" + name
        try Self.write(bytes, to: path, sync: false)
        written.paths.append(path)
    }

    /// A file that cannot be written: the call that failed and why.
    struct FileError: Error, LocalizedError {
        var path: String
        var call: String
        var code: Int32
        var errorDescription: String? { "\(call) \(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` as a new file with one write(2), then (with `sync`) fsync(2)s it, as
    /// `Data.write(to:)` did. Written from the exporter's byte buffer directly: `Data.write`
    /// needed a `Data` copy of it first.
    static func write(_ bytes: [UInt8], to path: String, sync: Bool = true) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileError(path: path, call: "open", code: errno) }
        var failure = bytes.withUnsafeBytes { Descriptor.write(fd, $0) }.map { FileError(path: path, call: "write", code: $0) }
        if failure == nil {
            if sync {
                if fsync(fd) != 0 { failure = FileError(path: path, call: "fsync", code: errno) }
            } else {
                startWriteback(fd)
            }
        }
        if close(fd) != 0, failure == nil { failure = FileError(path: path, call: "close", code: errno) }
        if let failure { throw failure }
    }

    /// Makes the staged files durable, records the plan (the commit point), then carries it
    /// out: a committed set names only files whose bytes are on disk.
    func commit(_ plan: Plan) throws {
        try Self.sync(written.paths)
        let list = staging.path + "/" + Self.commitFile
        let temp = list + ".tmp"
        try Self.write(plan.json, to: temp)
        guard rename(temp, list) == 0 else { throw FileError(path: list, call: "rename", code: errno) }
        try Self.apply(plan, staging.path, into: base.path)
    }

    /// Asks the kernel to start writing a staged file's bytes to disk now, without waiting
    /// (sync_file_range(2), Linux): by the time `sync` fsyncs the set, the writes of every
    /// file are already in flight together.
    private static func startWriteback(_ fd: Int32) {
        _ = syncFileRange?(fd, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */)
    }

    /// glibc's sync_file_range, looked up once: Swift's Glibc module leaves out what needs
    /// _GNU_SOURCE. Absent (another libc, another system), staging just skips the head start.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// fsync(2)s every file of `paths`, one after another. Their writes were started when
    /// each was staged (`startWriteback`), so the disk takes them together and the first
    /// fsync's journal commit covers the others: 14 files cost 1.3 ms of wall time this way,
    /// as much as one thread per file did (2.5 ms plain one by one), without a thread each.
    static func sync(_ paths: [String]) throws {
        for path in paths {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileError(path: path, call: "open", code: errno) }
            defer { close(fd) }
            if fsync(fd) != 0 { throw FileError(path: path, call: "fsync", code: errno) }
        }
    }

    /// Deletes the staging folder of a set that failed before its commit.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Carries out the plan committed in `staging` (`Leftovers`: a killed run's).
    static func apply(_ staging: URL, into base: URL) throws {
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: staging.appendingPathComponent(commitFile)))
        try apply(plan, staging.path, into: base.path)
    }

    /// Carries out a committed plan. Idempotent: a name already renamed is skipped, so a
    /// run interrupted here is finished by the next. System calls on paths rather than
    /// FileManager: a stale name that is not there (the usual case) made FileManager build
    /// and throw an error each time.
    static func apply(_ plan: Plan, _ staging: String, into base: String) throws {
        for name in plan.remove { remove(base + "/" + name) }
        for name in plan.place {
            let source = staging + "/" + name, target = base + "/" + name
            var info = stat()
            guard stat(source, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR, access(target, F_OK) == 0 {
                // A folder cannot be renamed over a full one: move the old one aside first.
                let old = staging + "/.old-" + name
                remove(old)
                guard rename(target, old) == 0 else { throw FileError(path: target, call: "rename", code: errno) }
            }
            guard rename(source, target) == 0 else { throw FileError(path: source, call: "rename", code: errno) }
        }
        try FileManager.default.removeItem(atPath: staging)
    }

    /// Deletes the file or folder at `path`, if there is one.
    static func remove(_ path: String) {
        if unlink(path) == 0 || errno == ENOENT { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Leftovers of runs that were killed: staging folders of output sets and the temporary
/// files of `AtomicFile`, named with the process id that made them.
public enum Leftovers {
    /// Finishes or deletes what dead runs left in `folder`: a committed set is completed,
    /// anything else removed. Entries of a process still alive are left alone (another run
    /// may be writing there now). Returns the names dealt with.
    @discardableResult
    public static func clean(_ folder: String) -> [String] {
        let base = URL(fileURLWithPath: folder)
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
        var cleaned: [String] = []
        for name in names.sorted() where name.hasPrefix(".") {
            guard let pid = owner(of: name), !isAlive(pid) else { continue }
            let url = base.appendingPathComponent(name)
            if name.hasSuffix(OutputSet.suffix), fm.fileExists(atPath: url.appendingPathComponent(OutputSet.commitFile).path) {
                if (try? OutputSet.apply(url, into: base)) == nil { try? fm.removeItem(at: url) }
            } else {
                try? fm.removeItem(at: url)
            }
            cleaned.append(name)
        }
        return cleaned
    }

    /// The process id in a temporary name: `.<name>.<pid>.tmp`, `.<name>.<pid>.budgetpdf-set`,
    /// `.<name>.<pid>.partial`, and SQLite's `.<name>.<pid>.tmp-journal`; nil for any other name.
    static func owner(of name: String) -> Int32? {
        for suffix in [".tmp", ".tmp-journal", OutputSet.suffix, ".partial"] where name.hasSuffix(suffix) {
            let stem = name.dropLast(suffix.count)
            guard let dot = stem.lastIndex(of: "."), let pid = Int32(stem[stem.index(after: dot)...]), pid > 0 else { return nil }
            return pid
        }
        return nil
    }

    static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }
}
