// swift-tools-version:6.0
// snnc — a declarative language for spiking neural networks: compiler, checker and runtime.
// Modules form a pipeline; each depends only on the stages to its left:
//   SNNSource (files, positions, diagnostics) → SNNSyntax (lexer, parser, AST) → SNNSema (names, units, shapes,
//   values; the prelude) → SNNPlan (execution plan) → SNNRuntime (SIMD interpreter) → SNNDriver (façade) → snnc
//   (CLI). SNNData (gzip, IDX, CSV) stands alone beside them.
import PackageDescription

let package = Package(
    name: "snnc",
    products: [
        .executable(name: "snnc", targets: ["snnc"]),
        .library(name: "SNNSyntax", targets: ["SNNSyntax"]),
        .library(name: "SNNSema", targets: ["SNNSema"]),
    ],
    targets: [
        .target(name: "SNNSource"),
        .target(name: "SNNSyntax", dependencies: ["SNNSource"]),
        .target(name: "SNNSema", dependencies: ["SNNSource", "SNNSyntax"]),
        .target(name: "SNNData"),
        .target(name: "SNNPlan", dependencies: ["SNNSource", "SNNSyntax", "SNNSema"]),
        .target(name: "SNNRuntime", dependencies: ["SNNPlan"]),
        .target(name: "SNNDriver", dependencies: ["SNNSource", "SNNSyntax", "SNNSema", "SNNData", "SNNPlan", "SNNRuntime"]),
        .executableTarget(name: "snnc", dependencies: ["SNNDriver"]),
        .testTarget(name: "SNNSourceTests", dependencies: ["SNNSource"]),
        .testTarget(name: "SNNSyntaxTests", dependencies: ["SNNSyntax", "SNNSource"], exclude: ["Fixtures"]),
        .testTarget(name: "SNNSemaTests", dependencies: ["SNNSema", "SNNSyntax", "SNNSource"], exclude: ["Fixtures"]),
        .testTarget(name: "SNNDataTests", dependencies: ["SNNData"], exclude: ["Fixtures"]),
        .testTarget(name: "SNNPlanTests", dependencies: ["SNNPlan", "SNNSema", "SNNSyntax", "SNNSource"]),
        .testTarget(name: "SNNRuntimeTests", dependencies: ["SNNRuntime", "SNNPlan"]),
        .testTarget(name: "SNNDriverTests", dependencies: ["SNNDriver", "SNNSema", "SNNSyntax", "SNNSource"]),
    ],
    swiftLanguageModes: [.v6]
)
