import FoundationEssentials
import Glibc

/// A child budgetpdf (a batch's extract, a multi-file command's document reader) dies with
/// its parent, so a parent killed with SIGKILL (which it cannot catch) leaves nothing
/// running or writing behind it. The parent starts the child through util-linux's
/// `setpriv --pdeathsig KILL` (essential in Debian), which sets the parent-death signal and
/// then execs the child. A parent killed before setpriv set the signal would leave the
/// child running for good, so the parent also names itself in the child's environment, and
/// a child whose parent is no longer that process ends at once, before any work.
public enum ParentDeath {
    /// The command that sets the death signal and execs the rest of its arguments, where
    /// it is installed.
    public static var setpriv: String? {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") ? "/usr/bin/setpriv" : nil
    }

    /// The arguments setpriv takes before the child's executable.
    public static let setprivArguments = ["--pdeathsig", "KILL", "--"]

    static let variable = "BUDGETPDF_PARENT_PID"

    /// `environment` naming this process as the child's parent.
    public static func childEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        environment.merging([variable: String(getpid())]) { _, new in new }
    }

    /// Ends this process if it was started as a child whose parent has died since.
    public static func exitIfOrphaned() {
        guard let value = getenv(variable) else { return }
        let expected = Int32(String(cString: value))
        unsetenv(variable)
        if let expected, getppid() != expected { _exit(70) }
    }
}
