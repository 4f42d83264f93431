// ModelBodyChecker: the dynamic parts of a model — equations (`dX/dt` in the unit of X per time), the spike
// condition, the reset, the refractory period, the integration method and a rule's event handlers.

import SNNSource
import SNNSyntax

struct ModelBodyChecker {
    let sink: DiagnosticSink
    let scope: ModelScope
    let modelName: String
    let isRule: Bool

    private var expressions: ExpressionChecker { scope.checker(forOwn: true) }

    func checkEquation(_ equation: Equation) {
        let name = equation.variable.name
        let rhs = expressions.check(equation.rhs)
        guard let binding = scope.lookup(name) else {
            sink.report(.undefinedName, "d\(name)/dt is an equation for '\(name)', which is not declared",
                        at: equation.variable.range,
                        help: sink.suggestion(for: name, among: scope.visibleNames) ?? "declare it: state \(name) = …")
            return
        }
        guard [.state, .synaptic, .preTrace, .postTrace].contains(binding.kind) else {
            sink.report(.equationForNonState, "'\(name)' is \(withArticle(binding.kind.noun)); only state variables have equations",
                        at: equation.variable.range,
                        notes: binding.declaration.map { [DiagnosticNote("'\(name)' is declared here", at: $0)] } ?? [],
                        help: binding.kind == .param ? (isRule ? "declare it as a rule variable: synaptic \(name) = …, pre \(name) = … or post \(name) = …"
                                                                : "declare it as a state: state \(name) = …") : nil)
            return
        }
        guard let variableDimension = binding.value.type.dimension, let d = rhs.type.dimension else {
            if !rhs.type.isInvalid, !binding.value.type.isInvalid {
                sink.report(.quantityRequired, "the right side of d\(name)/dt must be a quantity, but it is \(rhs.type)",
                            at: equation.rhs.range)
            }
            return
        }
        let expected = variableDimension / .time
        guard d != expected else { return }
        sink.report(.equationDimension,
                    "d\(name)/dt must be \(expected.phrase) ('\(name)' is \(variableDimension.phrase), per time), but `\(sink.text(equation.rhs.range))` is \(d.phrase)",
                    at: equation.rhs.range, help: equationHelp(found: d, expected: expected))
    }

    private func equationHelp(found: Dimension, expected: Dimension) -> String {
        if found == expected * .time { return "the right side lacks a division by a time: divide it by a time constant" }
        if found * .time == expected { return "the right side is divided by a time too many" }
        return "every term must be in \(expected)"
    }

    func checkOwnBodies(_ collected: MemberCollector) {
        if let threshold = collected.threshold, threshold.isOwn {
            _ = expressions.requireCondition(threshold.value, role: "the spike condition")
        }
        if let reset = collected.reset, reset.isOwn {
            StatementChecker(expressions: expressions, context: "a reset", isRule: isRule).check(reset.value)
        }
        if let refractory = collected.refractory, refractory.isOwn { checkRefractory(refractory.value) }
        if let method = collected.method, method.isOwn, !ModelChecker.methods.contains(method.value.name) {
            sink.report(.unknownMethod, "unknown integration method '\(method.value.name)'", at: method.value.range,
                        help: sink.suggestion(for: method.value.name, among: ModelChecker.methods)
                            ?? "the methods are " + ModelChecker.methods.joined(separator: ", "))
        }
        for (event, handler) in collected.handlers where handler.isOwn { checkHandler(event, handler.value) }
    }

    private func checkRefractory(_ period: Expr) {
        let value = expressions.check(period)
        switch value.type {
        case .invalid, .condition, .quantity(.time): return
        default:
            sink.report(.refractoryNotTime, "the refractory period must be a time or a condition, but `\(sink.text(period.range))` is \(value.type)",
                        at: period.range, help: "write a time such as `refractory 2 ms`, or a condition such as `refractory v > -40 mV`")
        }
    }

    /// A rule's handler (the parser admits handlers in rules only).
    private func checkHandler(_ event: String, _ handler: EventHandler) {
        guard ModelChecker.ruleEvents.contains(event) else {
            sink.report(.unknownEvent, "a rule reacts to `pre`, `post` and `reward`, not `\(event)`", at: handler.event.range,
                        help: sink.suggestion(for: event, among: ModelChecker.ruleEvents))
            return
        }
        let allowed = event == "reward" ? 1 : 0
        for extra in handler.parameters.dropFirst(allowed) {
            sink.report(.unknownArgument, "`on \(event)` takes \(allowed == 0 ? "no argument" : "one argument (the reward)")",
                        at: extra.range)
        }
        var arguments: [String: SourceRange] = [:]
        for parameter in handler.parameters.prefix(allowed) { arguments[parameter.name] = parameter.range }
        let handlerScope = HandlerScope(model: scope, arguments: arguments)
        StatementChecker(expressions: ExpressionChecker(sink: scope.sink, scope: handlerScope),
                         context: "an `on \(event)` handler", isRule: true).check(handler.body)
    }
}
