@_exported import BudgetModel
import BudgetChecks
import BudgetRecognition
import FoundationEssentials
import PDFLayout

/// Why a PDF could not be read: the file, the page where one is concerned, and a reason
/// (`notAPDF`, `truncated`, `damaged`, `encrypted`, `noText`, `noSuchPage`, …).
public typealias ReadError = PDFLayoutError

/// How to read a disclosure: which pages, the password, and what the caller knows better
/// than the document says.
public struct ReadOptions: Sendable {
    /// The password of an encrypted PDF.
    public var password: String?
    /// Only these pages (`try PageSelection("3-9,12")`); every page when nil.
    public var pages: PageSelection?
    /// Replaces the entity read from the document (a manifest knows it better).
    public var entity: String?
    /// Replaces the fiscal year read from the document.
    public var fiscalYear: Int?
    /// Replaces the kind (budget or final account) read from the document.
    public var kind: DocumentKind?
    /// Whether to run the accounting checks and fill `findings`.
    public var check: Bool

    public init(password: String? = nil, pages: PageSelection? = nil, entity: String? = nil,
                fiscalYear: Int? = nil, kind: DocumentKind? = nil, check: Bool = true) {
        self.password = password
        self.pages = pages
        self.entity = entity
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.check = check
    }
}

extension BudgetDocument {
    /// Reads the budget disclosure PDF at `path`: every table rebuilt and typed, the
    /// document's metadata, and — unless `options.check` is false — the findings of the
    /// accounting checks.
    ///
    /// ```swift
    /// let document = try BudgetDocument(path: "部门预算.pdf")
    /// for table in document.tables { print(table.kind, table.title, table.rows.count) }
    /// ```
    ///
    /// - Throws: ``ReadError`` naming the file (and page) when the file cannot be read at
    ///   all: missing, not a PDF, truncated, damaged, encrypted, or without any text layer.
    ///   A page that cannot be read is left out with a warning instead
    ///   (`warnings`, `unreadPages`).
    public init(path: String, options: ReadOptions = ReadOptions()) throws(ReadError) {
        let document = try DocumentReader().read(path: path, password: options.password, pages: options.pages)
        self = document.applying(options)
    }

    /// Reads a disclosure held in memory (a download, standard input). `name` is what
    /// messages call it; its last path component becomes `Source.file`.
    public init(data: Data, name: String, options: ReadOptions = ReadOptions()) throws(ReadError) {
        let document = try DocumentReader().read(data: data, name: name, password: options.password, pages: options.pages)
        self = document.applying(options)
    }

    /// The document with the caller's overrides applied, then checked: the checks see
    /// the metadata the caller gave (a fiscal year changes which comparisons are wrong).
    private func applying(_ options: ReadOptions) -> BudgetDocument {
        var d = self
        if let entity = options.entity { d.metadata.entity = entity }
        if let year = options.fiscalYear { d.metadata.fiscalYear = year }
        if let kind = options.kind { d.metadata.kind = kind }
        return options.check ? d.checked() : d
    }

    /// The document with `findings` filled by every accounting check
    /// (`rules` lists them).
    public func checked() -> BudgetDocument { Checker.checked(self) }

    /// The accounting checks run on every document: an id (`code.parent_sum`) and what it
    /// checks.
    public static var rules: [(id: String, summary: String)] { Checker.rules.map { ($0.id, $0.summary) } }
}
