// CheckPipeline: runs the front end and the checker over a set of inputs and gathers their diagnostics,
// finalized (ordered, one error per line, capped). Each input is one model, checked with the prelude; the
// checker runs on a file only when it has no syntax errors, so a parse error never cascades into name errors.

import SNNSema
import SNNSource
import SNNSyntax

public struct CheckInput {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

public struct CheckResult {
    public let sources: SourceManager
    public let files: [(source: SourceFile, parsed: ParsedFile)]
    /// The checked model of each file that had no syntax errors, by path.
    public let models: [String: CheckedModel]
    public let diagnostics: [Diagnostic]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

public enum CheckPipeline {
    /// `inspectorFor` gives the dataset inspector for a model file's path (data is searched beside the model).
    public static func check(_ inputs: [CheckInput],
                             inspectorFor: (String) -> DatasetInspector = { _ in NoDatasetInspector() }) -> CheckResult {
        let sources = SourceManager()
        var engine = DiagnosticEngine()
        var files: [(SourceFile, ParsedFile)] = []
        var models: [String: CheckedModel] = [:]
        let prelude = PreludeLibrary.load(into: sources)
        for input in inputs {
            let source = sources.add(path: input.path, bytes: input.bytes)
            let parsed = Parser.parse(source)
            engine.emit(contentsOf: parsed.diagnostics)
            files.append((source, parsed))
            guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            let checked = SemanticChecker.check(parsed.syntax, prelude: prelude, sources: sources,
                                                inspector: inspectorFor(input.path))
            engine.emit(contentsOf: checked.diagnostics)
            models[input.path] = checked
        }
        return CheckResult(sources: sources, files: files, models: models,
                           diagnostics: engine.finalized(using: sources))
    }
}
