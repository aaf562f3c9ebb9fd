import ArgumentParser
import BudgetBatch
import BudgetExport
import BudgetPDF
import BudgetReport
import Dispatch
import FoundationEssentials
import Glibc

/// `budgetpdf report`: a review page per document, for a person to check the extraction
/// against the printed pages.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: BudgetPDFCommand.name,
        abstract: "Write a self-contained HTML review page per document: each table beside its page images, cell boxes drawn over them, findings linked to their cells.",
        discussion: """
        DIR/<name>.html holds everything (page images as PNG data, styles, script): open it from disk, send it by mail; \
        it needs no server and no network. Page images come from poppler's pdftoppm (poppler-utils).
        """)

    @OptionGroup var input: DocumentOptions

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "Resolution of the page images, in dots per inch.")
    var dpi: Int = 96

    @OptionGroup var verbosity: Verbosity

    func validate() throws {
        guard (36...300).contains(dpi) else { throw ValidationError("--dpi takes 36 to 300") }
    }

    func run() throws {
        let reader = IsolatedReader(options: input)
        let stems = try DocumentOptions.stems(input.files)
        let failures = try reader.each(input.files, verbosity: verbosity) { index, file, document in
            var pdf = file
            var temporary: URL? = nil
            if file == "-" {
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-report-\(getpid()).pdf")
                FileManager.default.createFile(atPath: url.path, contents: reader.standardInput)
                pdf = url.path
                temporary = url
            }
            defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
            let rendered = PageRendering(pdf: pdf, name: file == "-" ? IsolatedReader.stdinName : file,
                                         password: input.effectivePassword, dpi: dpi)
                .render(ReviewPage.pagesToRender(document))
            for note in rendered.notes { verbosity.warn(note) }
            let page = ReviewPage(document: document, images: rendered.images, notes: rendered.notes)
            let path = URL(fileURLWithPath: out).appendingPathComponent(stems[index] + ".html").path
            do {
                try AtomicFile.write(Data(page.html.utf8), to: path)
            } catch {
                CommandFailure.say("\(error)")
                throw ExitCode(73)
            }
            return " → \(path)"
        }
        try CommandFailure.exit(failures: failures, of: input.files.count)
    }
}

/// Page images from poppler's renderer (`pdftoppm`), one page per process with a time
/// limit: a page poppler cannot draw in time is named, and the page goes without an image.
struct PageRendering {
    var pdf: String
    var name: String
    var password: String?
    var dpi: Int
    var secondsPerPage: Double = 60

    func render(_ pages: [Int]) -> (images: [Int: PageImage], notes: [String]) {
        var images: [Int: PageImage] = [:]
        var notes: [String] = []
        let sizes = pageSizes()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budgetpdf-pages-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for p in pages {
            let prefix = dir.appendingPathComponent("p\(p)").path
            var arguments = ["-png", "-r", String(dpi), "-f", String(p), "-l", String(p), "-singlefile"]
            if let password { arguments += ["-upw", password] }
            arguments += [URL(fileURLWithPath: pdf).path, prefix]
            let outcome = run("pdftoppm", arguments)
            guard outcome == nil, let png = try? Data(contentsOf: URL(fileURLWithPath: prefix + ".png")), let size = sizes[p] else {
                notes.append("\(name): page \(p): no page image (\(outcome ?? "pdftoppm wrote none"))")
                continue
            }
            images[p] = PageImage(page: p, png: png, width: size.width, height: size.height)
        }
        return (images, notes)
    }

    /// Page sizes as displayed (rotation applied), in points, from `pdfinfo`.
    private func pageSizes() -> [Int: (width: Double, height: Double)] {
        var arguments = ["-f", "1", "-l", "100000"]
        if let password { arguments += ["-upw", password] }
        arguments.append(URL(fileURLWithPath: pdf).path)
        var text = ""
        _ = run("pdfinfo", arguments, output: &text)
        var sizes: [Int: (Double, Double)] = [:], turned: Set<Int> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 4, words[0] == "Page", let n = Int(words[1]) else { continue }
            if words[2] == "size:", words.count >= 6, let w = Double(words[3]), let h = Double(words[5]) { sizes[n] = (w, h) }
            if words[2] == "rot:", let r = Int(words[3]), r % 180 == 90 { turned.insert(n) }
        }
        return sizes.reduce(into: [:]) { out, e in out[e.key] = turned.contains(e.key) ? (e.value.1, e.value.0) : e.value }
    }

    private func run(_ tool: String, _ arguments: [String]) -> String? {
        var ignored = ""
        return run(tool, arguments, output: &ignored)
    }

    /// nil when the tool succeeded; else why not.
    private func run(_ tool: String, _ arguments: [String], output: inout String) -> String? {
        let child: Subprocess
        do {
            child = try Subprocess("/usr/bin/env", [tool] + arguments, captureOutput: true, captureErrors: false)
        } catch {
            return error.description
        }
        guard let end = child.wait(until: .now() + secondsPerPage) else {
            child.send(SIGTERM)
            child.wait()
            return "\(tool) took over \(Int(secondsPerPage)) s"
        }
        output = String(decoding: child.standardOutput, as: UTF8.self)
        switch end {
        case .signalled(let signal): return "\(tool) crashed (signal \(signal))"
        case .exited(let code): return code == 0 ? nil : "\(tool) exited with \(code); is poppler-utils installed?"
        }
    }
}
