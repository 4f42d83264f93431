// swift-tools-version:6.0
// snnc — a declarative language for spiking neural networks: compiler, checker and runtime.
// Modules form a pipeline; each depends only on the stages to its left:
//   SNNSource (files, positions, diagnostics) → SNNSyntax (lexer, parser, AST) → SNNDriver (façade) → snnc (CLI)
import PackageDescription

let package = Package(
    name: "snnc",
    products: [
        .executable(name: "snnc", targets: ["snnc"]),
        .library(name: "SNNSyntax", targets: ["SNNSyntax"]),
    ],
    targets: [
        .target(name: "SNNSource"),
        .target(name: "SNNSyntax", dependencies: ["SNNSource"]),
        .target(name: "SNNDriver", dependencies: ["SNNSource", "SNNSyntax"]),
        .executableTarget(name: "snnc", dependencies: ["SNNDriver"]),
        .testTarget(name: "SNNSourceTests", dependencies: ["SNNSource"]),
        .testTarget(name: "SNNSyntaxTests", dependencies: ["SNNSyntax", "SNNSource"]),
        .testTarget(name: "SNNDriverTests", dependencies: ["SNNDriver", "SNNSyntax", "SNNSource"]),
    ],
    swiftLanguageModes: [.v6]
)
