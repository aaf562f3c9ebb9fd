// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "budgetpdf",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "budgetpdf", targets: ["budgetpdf"]),
        // The library: read a disclosure, check it, export it (Sources/BudgetPDF, DocC).
        .library(name: "BudgetPDF", targets: ["BudgetPDF"]),
        .library(name: "PDFLayout", targets: ["PDFLayout"]),
        .library(name: "TableLayout", targets: ["TableLayout"]),
        .library(name: "BudgetModel", targets: ["BudgetModel"]),
    ],
    dependencies: [
        // From 1.8.2, the version built and tested with: BudgetPDFCommand.main relies on its
        // experimental `CommandConfiguration(_superCommandName:)`.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation --target BudgetPDF` (DocC); no code of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // poppler's core C++ library (libpoppler-private-dev): flags and linking for CPopplerCore.
        .systemLibrary(
            name: "CPopplerPrivate",
            pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"])]
        ),
        // poppler's core behind a C header: opening (passwords, metadata), one pass over a page
        // (text layer and vector borders), rendering with poppler's own Splash (no cairo, no
        // GLib: every run would pay for loading them). PDFLayout is its only user.
        .target(name: "CPopplerCore", dependencies: ["CPopplerPrivate"],
                // zlib decodes Flate streams in place of poppler's own decoder (`inflated`).
                linkerSettings: [.linkedLibrary("z")]),
        // SQLite's C API (libsqlite3-dev), for the batch store.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Ingestion: pages -> glyphs -> words -> lines, ruling lines. Knows nothing of budgets.
        .target(name: "PDFLayout", dependencies: ["CPopplerCore"]),
        // Table reconstruction: ruled regions, cells, merged cells, page stitching. Generic.
        .target(name: "TableLayout", dependencies: ["PDFLayout"]),
        // SHA-256 in C, with the x86 SHA instructions where there are any: a document's identity.
        .target(name: "CSHA256"),
        // Value types of a budget disclosure: amounts, units, classification codes.
        .target(name: "BudgetModel", dependencies: ["CSHA256"]),
        // Recognition: table kinds, titles, headers and column meanings, document metadata.
        .target(name: "BudgetRecognition", dependencies: ["PDFLayout", "TableLayout", "BudgetModel"]),
        // Batch: many documents into one dataset (combined CSVs, SQLite store).
        .target(name: "BudgetBatch", dependencies: ["BudgetExport", "CSQLite"]),
        // Checks: accounting identities within and across tables, with findings.
        .target(name: "BudgetChecks", dependencies: ["BudgetModel"]),
        // libxlsxwriter's C API, seen only by BudgetExport's Workbook: its header's types, its
        // functions loaded with dlopen when the first workbook is written, so that runs not
        // writing xlsx do not load it (nor libminizip and libcrypto behind it) at start-up.
        // Build needs libxlsxwriter-dev (header), an xlsx run libxlsxwriter4.
        .target(name: "CXlsxWriter"),
        // Export: the grid view (truth shape), and later JSON, CSV and stores.
        .target(name: "BudgetExport", dependencies: ["BudgetModel", "CXlsxWriter"]),
        // The public face of the layers above: BudgetDocument(path:), checked(), export(to:).
        .target(name: "BudgetPDF", dependencies: ["PDFLayout", "BudgetModel", "BudgetRecognition", "BudgetChecks", "BudgetExport"]),
        // The review page: a document and its page images as one self-contained HTML file.
        .target(name: "BudgetReport", dependencies: ["BudgetModel"]),
        .executableTarget(
            name: "budgetpdf",
            dependencies: [
                "BudgetPDF",
                "BudgetReport",
                "PDFLayout",
                "TableLayout",
                "BudgetModel",
                "BudgetExport",
                "BudgetBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Linked by lld, with three things for start-up and memory (Linux only; the
            // library products are built without them):
            // - the functions runs execute laid out side by side (scripts/link-order): a run
            //   had 16 MB of the binary's code resident, the 64 KB mapped around each page it
            //   touched, for the 1.5 MB it ran;
            // - no dynamic symbol table: the static Swift runtime's link flags export every
            //   symbol, and the runtime's start-up dladdr scanned all 13,000 of them;
            // - the 123,000 relative relocations packed (DT_RELR, glibc 2.36): their 2.9 MB
            //   table was read at every start.
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld",
                              "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/link-order.txt",
                              "-Xlinker", "--no-warn-symbol-ordering",
                              "-Xlinker", "--no-export-dynamic",
                              "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux])),
            ]
        ),
        .testTarget(name: "PDFLayoutTests", dependencies: ["PDFLayout"]),
        .testTarget(name: "BudgetModelTests", dependencies: ["BudgetModel", "CSHA256"]),
        .testTarget(name: "TableLayoutTests", dependencies: ["TableLayout", "PDFLayout"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BudgetRecognitionTests", dependencies: ["BudgetRecognition", "BudgetModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BudgetChecksTests", dependencies: ["BudgetChecks", "BudgetRecognition", "BudgetModel"]),
        .testTarget(name: "BudgetBatchTests", dependencies: ["BudgetBatch"]),
        .testTarget(name: "BudgetExportTests", dependencies: ["BudgetExport", "BudgetRecognition", "BudgetModel"]),
        // The executable as a user runs it (exit codes, options, stdin), and what it writes
        // checked by independent readers (pdftotext -bbox, Python).
        .testTarget(name: "CommandLineTests", dependencies: ["budgetpdf"]),
    ],
    cxxLanguageStandard: .cxx17
)

// A file sees the extension members of the modules it imports itself, not of whatever those
// import in turn. The sources import FoundationEssentials only; when a dependency imported
// swift-corelibs-foundation (swift-crypto did), a plain `text.contains("…")` or
// `error.localizedDescription` resolved to that library's NSString-based members and linked
// all of it into the binary again (StartupLibraryTests).
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
