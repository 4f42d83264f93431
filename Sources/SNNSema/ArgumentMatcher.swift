// ArgumentMatcher: binds the positional and named arguments of a call to the callee's parameters, reporting
// unknown names (with a suggestion), duplicates, surplus positional arguments and missing required ones.

import SNNSource
import SNNSyntax

struct ArgumentMatcher {
    let sink: DiagnosticSink
    /// What the callee is called in messages: "'lif'", "the pattern 'random'".
    let callee: String
    /// What its arguments are called: "parameter", or "option" for a statement's `with …` list.
    var noun = "parameter"
    let parameters: [String]
    let required: Set<String>

    /// How arguments are counted in messages: "takes 2 arguments", "takes 2 options".
    private var countNoun: String { noun == "option" ? "option" : "argument" }

    /// The arguments by parameter name. `callRange` is where a missing argument is reported.
    func match(_ arguments: [Argument], callRange: SourceRange) -> [String: Argument] {
        var bound: [String: Argument] = [:]
        var next = 0
        var reportedUnknown = false
        for argument in arguments {
            let name: String
            if let label = argument.label {
                guard parameters.contains(label.name) else {
                    let help = sink.suggestion(for: label.name, among: parameters)
                        ?? (parameters.isEmpty ? "\(callee) takes no arguments"
                            : "it takes: " + parameters.joined(separator: ", "))
                    sink.report(.unknownArgument, "\(callee) has no \(noun) '\(label.name)'", at: label.range,
                                help: help)
                    reportedUnknown = true
                    continue
                }
                name = label.name
            } else {
                while next < parameters.count, bound[parameters[next]] != nil { next += 1 }
                guard next < parameters.count else {
                    sink.report(.tooManyArguments,
                                parameters.isEmpty ? "\(callee) takes no \(countNoun)s" : "\(callee) takes \(plural(parameters.count, countNoun))",
                                at: argument.range, help: parameters.isEmpty ? "remove the argument"
                                    : "it takes: " + parameters.joined(separator: ", "))
                    continue
                }
                name = parameters[next]
            }
            if let first = bound[name] {
                sink.report(.duplicateArgument, "'\(name)' is given twice", at: argument.range,
                            notes: [DiagnosticNote("first given here", at: first.range)])
                continue
            }
            bound[name] = argument
        }
        let missing = parameters.filter { required.contains($0) && bound[$0] == nil }
        // A misspelt name was reported already; the argument it meant is not missing a second time.
        if !missing.isEmpty, !reportedUnknown {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            sink.report(.missingArgument, "\(callee) needs \(list)", at: callRange,
                        help: "add " + missing.map { "\($0) = …" }.joined(separator: ", "))
        }
        return bound
    }
}
