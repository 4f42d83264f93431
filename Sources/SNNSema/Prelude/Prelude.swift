// Prelude: the built-in neuron models and local learning rules, written in .snn and compiled into snnc as text,
// so that users can read them (`snnc prelude`) and the checker treats them exactly like their own declarations.
// Each file of the prelude lives in its own Swift file beside this one as a `PreludeFile`.

public struct PreludeFile: Sendable {
    /// The name diagnostics and `snnc prelude` show, e.g. `<prelude>/lif.snn`.
    public let path: String
    public let source: String
}

public enum Prelude {
    /// Every file of the prelude, in the order `snnc prelude` prints them.
    public static let files: [PreludeFile] = [
        integrateAndFire, leakyIntegrateAndFire, adaptive, izhikevich, conductanceModels, diehlCook, stdpRules, stdpVariants, gradientModels,
    ]
}
