import BudgetBatch
import BudgetExport
import BudgetPDF
import FoundationEssentials
import Glibc

/// One document being read by a child `budgetpdf read-document` (`IsolatedReader`): started
/// at once, its answer and its messages gathered on other threads while this process does
/// other work; `finish(_:)` waits for it and hands over the document, or what it wrote.
///
/// What the child writes to standard error (why it failed, a crash report) is held until
/// `finish(_:)`, so that a reader started early speaks in its document's turn.
final class ReaderChild {
    /// When the reader was started: where its document's `-v` seconds count from.
    let started = Date()
    private let name: String
    /// The child, or why it could not be started.
    private let child: Result<Subprocess, Subprocess.LaunchError>

    init(file: String, executable: String, arguments: [String], environment: [String: String], input: Data?) {
        name = file == "-" ? IsolatedReader.stdinName : file
        // The reader dies with this process (`ParentDeath`): a killed extract, or a batch's
        // child killed with its batch, leaves no reader running behind it.
        let command = ParentDeath.setpriv.map { ($0, ParentDeath.setprivArguments + [executable] + arguments) } ?? (executable, arguments)
        child = Result { () throws(Subprocess.LaunchError) in
            try Subprocess(command.0, command.1, environment: environment, input: input.map { [UInt8]($0) },
                           captureOutput: true, captureErrors: true)
        }
    }

    /// Waits for the child, passes on what it said, and returns what it handed over
    /// (`decode`d: its document, or what it wrote) or the exit code it failed with.
    func finish<Outcome>(_ decode: (Data) throws -> Outcome) -> Result<Outcome, IsolatedReader.Failure> {
        let child: Subprocess
        switch self.child {
        case .success(let started): child = started
        case .failure(let error):
            CommandFailure.say("\(name): cannot start a reader process: \(error)")
            return .failure(IsolatedReader.Failure(code: 70))
        }
        let end = child.wait()
        let data = Data(child.standardOutput)
        let said = child.standardError
        if !said.isEmpty { Descriptor.write(STDERR_FILENO, said) }
        switch end {
        case .signalled(let signal):
            CommandFailure.say("\(name): budgetpdf crashed reading it (signal \(signal)); "
                               + "no output for it; please report this with the file")
            return .failure(IsolatedReader.Failure(code: 70))
        case .exited(let code) where code != 0:
            return .failure(IsolatedReader.Failure(code: code))
        case .exited:
            break
        }
        do {
            return .success(try decode(data))
        } catch {
            CommandFailure.say("\(name): the reader process returned no document (\(error))")
            return .failure(IsolatedReader.Failure(code: 70))
        }
    }
}
