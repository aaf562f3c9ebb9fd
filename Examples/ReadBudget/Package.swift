// swift-tools-version:6.0
// A program that uses budgetpdf as a library: depends on the package by path, as a project
// beside it (or a checkout) would. Build and run from this folder:
//
//     swift run ReadBudget ../../Samples/hebei-landscape.pdf out
import PackageDescription

let package = Package(
    name: "ReadBudget",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "budgetpdf", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "ReadBudget", dependencies: [.product(name: "BudgetPDF", package: "budgetpdf")]),
    ]
)
