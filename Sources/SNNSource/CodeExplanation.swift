// CodeExplanation: the long form of a diagnostic code for `snnc explain`, with a wrong and a right example.

public struct CodeExplanation: Sendable {
    public let code: DiagnosticCode
    /// One line: what the code is about.
    public let summary: String
    /// What it means and how to fix it.
    public let text: String
    /// A small model that produces the diagnostic, and the same model corrected.
    public let wrong: String
    public let right: String

    public init(code: DiagnosticCode, summary: String, text: String, wrong: String, right: String) {
        self.code = code
        self.summary = summary
        self.text = text
        self.wrong = wrong
        self.right = right
    }
}
