import ArgumentParser
import BudgetModel

/// A command line of the plainest shape read without swift-argument-parser: positional
/// arguments, `--name value`, `--name=value`, flags (long, or their one declared letter)
/// and `--`, each name at most once.
///
/// Why: the parser learns a command's options by reflecting over it on every run, ~9 M
/// instructions and over a millisecond before `extract` opens its document (callgrind,
/// putuo-office: 9.2 M of 333 M), in every reader child of a batch too. The common command
/// lines are this plain; anything else — help, an unknown or repeated name, a value that
/// looks like an option, `-qv`, a value the command refuses — is not read here (nil), and
/// the full parser reads it as before, with its own messages. A command that reads plain
/// lines (`PlainlyParsed`) must end up exactly as the full parser would leave it:
/// `PlainArgumentsTests` compares both on thousands of generated command lines.
struct PlainArguments {
    private(set) var positionals: [String] = []
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []

    /// `arguments` read against the command's long option names that take a value
    /// (`options`) and its flags (long name, and its letter if it has one); nil if they are
    /// not all plain.
    init?(_ arguments: [String], options: Set<String>, flags declared: [String: Character?]) {
        var rest = arguments[...]
        var seen: Set<String> = []
        while let argument = rest.popFirst() {
            if argument == "--" {
                positionals += rest
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            let name: String, inline: String?
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    (name, inline) = (String(body[..<equals]), String(body[body.index(after: equals)...]))
                } else {
                    (name, inline) = (String(body), nil)
                }
            } else {
                guard argument.count == 2, let long = declared.first(where: { $0.value == argument.last })?.key else { return nil }
                (name, inline) = (long, nil)
            }
            guard seen.insert(name).inserted else { return nil }
            if options.contains(name) {
                guard let value = inline ?? rest.popFirst(), !value.isEmpty, value == "-" || !value.hasPrefix("-") else { return nil }
                values[name] = value
            } else if declared.keys.contains(name), inline == nil {
                flags.insert(name)
            } else {
                return nil
            }
        }
    }
}

extension PlainArguments {
    /// Option `name`'s value converted as the parser converts it (`ExpressibleByArgument`):
    /// `.some(nil)` when the option was not given, nil when its value does not convert.
    func converted<T: ExpressibleByArgument>(_ name: String, as type: T.Type) -> T?? {
        guard let text = values[name] else { return .some(nil) }
        return T(argument: text).map { .some($0) }
    }
}

/// A command that reads a plain command line itself (`PlainArguments`), falling back to
/// swift-argument-parser for any other.
protocol PlainlyParsed: ParsableCommand {
    /// The command as the full parser would leave it, validated; nil when `arguments` are
    /// not plain or not valid.
    init?(plain arguments: [String])
}

extension Extract: PlainlyParsed {
    init?(plain arguments: [String]) {
        guard let line = PlainArguments(arguments, options: ["out", "format", "pages", "password", "entity", "fiscal-year", "kind"],
                                         flags: ["excel": nil, "strict": nil, "quiet": "q", "verbose": "v"]),
              !line.positionals.isEmpty, let out = line.values["out"] else { return nil }
        self.init()
        var input = DocumentOptions()
        input.files = line.positionals
        input.pages = nil
        if let pages = line.values["pages"] {
            guard let selection = try? DocumentOptions.pageSelection(pages) else { return nil }
            input.pages = selection
        }
        input.password = line.values["password"]
        input.strict = line.flags.contains("strict")
        self.input = input
        self.out = out
        format = line.values["format"] ?? "json,csv"
        excel = line.flags.contains("excel")
        entity = line.values["entity"]
        guard let fiscalYear = line.converted("fiscal-year", as: Int.self),
              let kind = line.converted("kind", as: DocumentKind.self) else { return nil }
        self.fiscalYear = fiscalYear
        self.kind = kind
        var verbosity = Verbosity()
        verbosity.quiet = line.flags.contains("quiet")
        verbosity.verbose = line.flags.contains("verbose")
        self.verbosity = verbosity
        do {
            try input.validate()
            try verbosity.validate()
            try validate()
        } catch {
            return nil
        }
    }
}

extension ReadDocument: PlainlyParsed {
    init?(plain arguments: [String]) {
        guard let line = PlainArguments(arguments, options: ["pages", "entity", "fiscal-year", "kind", "write", "stem", "format"],
                                         flags: ["excel": nil]),
              line.positionals.count == 1 else { return nil }
        self.init()
        file = line.positionals[0]
        pages = line.values["pages"]
        entity = line.values["entity"]
        guard let fiscalYear = line.converted("fiscal-year", as: Int.self),
              let kind = line.converted("kind", as: DocumentKind.self) else { return nil }
        self.fiscalYear = fiscalYear
        self.kind = kind
        write = line.values["write"]
        stem = line.values["stem"]
        format = line.values["format"] ?? "json,csv"
        excel = line.flags.contains("excel")
        do { try validate() } catch { return nil }
    }
}
