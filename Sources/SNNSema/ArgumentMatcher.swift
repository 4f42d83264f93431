// ArgumentMatcher: binds the positional and named arguments of a call to the callee's parameters, reporting
// unknown names (with a suggestion), duplicates, surplus positional arguments and missing required ones.

import SNNSource
import SNNSyntax

struct ArgumentMatcher {
    let sink: DiagnosticSink
    /// The callee's name, and what it is ("pattern", "encoder", …): messages call it "the pattern 'random'", or
    /// "'lif'" when `calleeKind` is nil. The message text is only made for a diagnostic.
    let calleeName: String
    var calleeKind: String?
    /// What its arguments are called: "parameter", or "option" for a statement's `with …` list.
    var noun = "parameter"
    let parameters: [String]
    /// Whether each parameter must be given, in the order of `parameters`.
    let isRequired: [Bool]

    /// What the callee is called in messages.
    private var callee: String { calleeKind.map { "the \($0) '\(calleeName)'" } ?? "'\(calleeName)'" }

    /// How arguments are counted in messages: "takes 2 arguments", "takes 2 options".
    private var countNoun: String { noun == "option" ? "option" : "argument" }

    /// The argument bound to each parameter, in the order of `parameters` (nil where none is given).
    /// `callRange` is where a missing argument is reported.
    func match(_ arguments: [Argument], callRange: SourceRange) -> [Argument?] {
        var bound = [Argument?](repeating: nil, count: parameters.count)
        var next = 0
        var reportedUnknown = false
        for argument in arguments {
            let name: String, slot: Int
            if let label = argument.label {
                guard let index = parameters.firstIndex(of: label.name) else {
                    let help = sink.suggestion(for: label.name, among: parameters)
                        ?? (parameters.isEmpty ? "\(callee) takes no arguments"
                            : "it takes: " + parameters.joined(separator: ", "))
                    sink.report(.unknownArgument, "\(callee) has no \(noun) '\(label.name)'", at: label.range,
                                help: help)
                    reportedUnknown = true
                    continue
                }
                (name, slot) = (label.name, index)
            } else {
                while next < parameters.count, bound[next] != nil { next += 1 }
                guard next < parameters.count else {
                    sink.report(.tooManyArguments,
                                parameters.isEmpty ? "\(callee) takes no \(countNoun)s" : "\(callee) takes \(plural(parameters.count, countNoun))",
                                at: argument.range, help: parameters.isEmpty ? "remove the argument"
                                    : "it takes: " + parameters.joined(separator: ", "))
                    continue
                }
                (name, slot) = (parameters[next], next)
            }
            if let first = bound[slot] {
                sink.report(.duplicateArgument, "'\(name)' is given twice", at: argument.range,
                            notes: [DiagnosticNote("first given here", at: first.range)])
                continue
            }
            bound[slot] = argument
        }
        let missing = parameters.indices.filter { isRequired[$0] && bound[$0] == nil }.map { parameters[$0] }
        // A misspelt name was reported already; the argument it meant is not missing a second time.
        if !missing.isEmpty, !reportedUnknown {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            sink.report(.missingArgument, "\(callee) needs \(list)", at: callRange,
                        help: "add " + missing.map { "\($0) = …" }.joined(separator: ", "))
        }
        return bound
    }
}
