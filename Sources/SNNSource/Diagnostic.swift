// Diagnostic: what went wrong, where, and how to fix it — a value every stage produces and every renderer prints.

public enum Severity: String, Sendable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A stable diagnostic code such as `E0102` (errors) or `W0001` (warnings). Codes never change meaning.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A secondary message, usually pointing at a related place ("body opened here").
public struct DiagnosticNote: Sendable, Equatable {
    public var message: String
    public var range: SourceRange?
    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A machine-applicable edit: replace `range` (possibly empty) by `replacement`.
public struct FixIt: Sendable, Equatable {
    public var range: SourceRange
    public var replacement: String
    public init(replace range: SourceRange, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

public struct Diagnostic: Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    /// Where the problem is; carets are drawn under it.
    public var range: SourceRange
    /// A short text drawn beside the carets ("expected ')' here").
    public var label: String?
    public var notes: [DiagnosticNote]
    /// How to fix it, in words ("add a unit: `20 ms`").
    public var help: String?
    public var fixIts: [FixIt]

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at range: SourceRange,
                label: String? = nil, notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.label = label
        self.notes = notes
        self.help = help
        self.fixIts = fixIts
    }
}
