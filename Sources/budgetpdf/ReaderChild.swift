import BudgetBatch
import BudgetPDF
import Foundation

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
    private let process = Process()
    private let exit: ChildExit?
    /// Why the child could not be started.
    private let launchError: String?
    /// The child's standard output (its document) and error (what it says).
    private let output: PipeDrain?, messages: PipeDrain?

    init(file: String, executable: String, arguments: [String], environment: [String: String], input: Data?) {
        name = file == "-" ? IsolatedReader.stdinName : file
        // The reader dies with this process (`ParentDeath`): a killed extract, or a batch's
        // child killed with its batch, leaves no reader running behind it.
        if let setpriv = ParentDeath.setpriv {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ParentDeath.setprivArguments + [executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        do {
            exit = try ChildExit(launching: process)
            launchError = nil
        } catch {
            (exit, output, messages) = (nil, nil, nil)
            launchError = error.localizedDescription
            return
        }
        output = PipeDrain(out.fileHandleForReading)
        messages = PipeDrain(err.fileHandleForReading)
        if let input {
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
    }

    /// Waits for the child, passes on what it said, and returns what it handed over
    /// (`decode`d: its document, or what it wrote) or the exit code it failed with.
    func finish<Outcome>(_ decode: (Data) throws -> Outcome) -> Result<Outcome, IsolatedReader.Failure> {
        guard let exit, let output, let messages else {
            CommandFailure.say("\(name): cannot start a reader process: \(launchError ?? "")")
            return .failure(IsolatedReader.Failure(code: 70))
        }
        exit.wait()
        let data = output.wait()
        let said = messages.wait()
        if !said.isEmpty { FileHandle.standardError.write(said) }
        if process.terminationReason == .uncaughtSignal {
            CommandFailure.say("\(name): budgetpdf crashed reading it (signal \(process.terminationStatus)); "
                               + "no output for it; please report this with the file")
            return .failure(IsolatedReader.Failure(code: 70))
        }
        guard process.terminationStatus == 0 else { return .failure(IsolatedReader.Failure(code: process.terminationStatus)) }
        do {
            return .success(try decode(data))
        } catch {
            CommandFailure.say("\(name): the reader process returned no document (\(error))")
            return .failure(IsolatedReader.Failure(code: 70))
        }
    }
}
