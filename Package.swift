// swift-tools-version:6.0
// snnc — a declarative language for spiking neural networks: compiler, checker and runtime.
// Modules form a pipeline; each depends only on the stages to its left:
//   SNNSource (files, positions, diagnostics) → SNNSyntax (lexer, parser, AST) → SNNSema (names, units, shapes,
//   values; the prelude) → SNNPlan (execution plan) → SNNRuntime (SIMD interpreter) → SNNDriver (façade) → snnc
//   (CLI). SNNData (gzip, IDX, CSV, datasets) stands alone beside them; SNNPlan reads datasets through it.
//   SNNFormat (`snnc fmt`) works on the syntax tree; SNNLanguageServer (`snnc lsp`) on syntax, checker and formatter.
import PackageDescription

// SNNRuntime's kernels in release builds: no overflow/bounds traps and no exclusivity checks (the plan verifier
// checks indices once), and — when SNNC_TARGET_CPU names a CPU (`native`, `haswell`, `znver4`, …) — code for that
// CPU's vector width: without it x86-64 has no AVX and SIMD8<Float> runs as SSE. The default build stays portable.
//   SNNC_TARGET_CPU=native swift build -c release
var runtimeSettings: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]
let targetCPU = Context.environment["SNNC_TARGET_CPU"] ?? ""
if !targetCPU.isEmpty {
    runtimeSettings.append(.unsafeFlags(["-target-cpu", targetCPU], .when(configuration: .release)))
}
// SNNC_VECTOR_WIDTH=16: 16-lane vectors (SIMD16<Float>) instead of 8. Not the default: on this project's AVX-512
// VM the interpreter ran CUBA 3.4x slower with them (2026-12-02), though a hand-written kernel ties.
if Context.environment["SNNC_VECTOR_WIDTH"] == "16" {
    runtimeSettings.append(.define("SNNC_VECTOR16"))
}

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
        .target(name: "SNNFormat", dependencies: ["SNNSource", "SNNSyntax"]),
        .target(name: "SNNLanguageServer", dependencies: ["SNNSource", "SNNSyntax", "SNNSema", "SNNFormat"]),
        .target(name: "SNNPlan", dependencies: ["SNNSource", "SNNSyntax", "SNNSema", "SNNData"]),
        .target(name: "SNNRuntime", dependencies: ["SNNPlan"], swiftSettings: runtimeSettings),
        .target(name: "SNNDriver", dependencies: ["SNNSource", "SNNSyntax", "SNNSema", "SNNData", "SNNPlan", "SNNRuntime",
                                                "SNNFormat", "SNNLanguageServer"]),
        .executableTarget(name: "snnc", dependencies: ["SNNDriver"]),
        .testTarget(name: "SNNSourceTests", dependencies: ["SNNSource"]),
        .testTarget(name: "SNNSyntaxTests", dependencies: ["SNNSyntax", "SNNSource"], exclude: ["Fixtures"]),
        .testTarget(name: "SNNSemaTests", dependencies: ["SNNSema", "SNNSyntax", "SNNSource"], exclude: ["Fixtures"]),
        .testTarget(name: "SNNDataTests", dependencies: ["SNNData"], exclude: ["Fixtures"]),
        .testTarget(name: "SNNFormatTests", dependencies: ["SNNFormat", "SNNSyntax", "SNNSource"]),
        .testTarget(name: "SNNLanguageServerTests", dependencies: ["SNNLanguageServer", "SNNFormat", "SNNSema", "SNNSyntax", "SNNSource"]),
        .testTarget(name: "SNNPlanTests", dependencies: ["SNNPlan", "SNNSema", "SNNSyntax", "SNNSource"]),
        .testTarget(name: "SNNRuntimeTests", dependencies: ["SNNRuntime", "SNNPlan"]),
        .testTarget(name: "SNNDriverTests", dependencies: ["SNNDriver", "SNNSema", "SNNSyntax", "SNNSource"]),
    ],
    swiftLanguageModes: [.v6]
)
