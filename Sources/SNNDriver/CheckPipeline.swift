// CheckPipeline: runs the front end over a set of inputs and gathers their diagnostics, finalized
// (ordered, one error per line, capped). Later stages (SNNSema) join the pipeline here.

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
    public let diagnostics: [Diagnostic]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

public enum CheckPipeline {
    public static func check(_ inputs: [CheckInput]) -> CheckResult {
        let sources = SourceManager()
        var engine = DiagnosticEngine()
        var files: [(SourceFile, ParsedFile)] = []
        for input in inputs {
            let source = sources.add(path: input.path, bytes: input.bytes)
            let parsed = Parser.parse(source)
            engine.emit(contentsOf: parsed.diagnostics)
            files.append((source, parsed))
        }
        return CheckResult(sources: sources, files: files, diagnostics: engine.finalized(using: sources))
    }
}
