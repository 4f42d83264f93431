// SliceChecker: `exc[0..99]`, `grid[3, 0..27]` — one index or inclusive range per leading axis (as in NumPy:
// `c1[0]` of a [6, 24, 24] population is its first channel, 576 neurons), constant, inside the population's
// shape. Returns how many neurons the slice takes.

import SNNSource
import SNNSyntax

struct SliceChecker {
    let sink: DiagnosticSink
    let expressions: ExpressionChecker

    func check(_ indices: [Expr], of population: PopulationInfo) -> Int? {
        let name = population.name.name
        guard let shape = population.shape else {
            for index in indices { _ = bounds(index) }
            return nil
        }
        if indices.count > shape.count {
            sink.report(.indexOutOfRange, "'\(name)' has \(plural(shape.count, "dimension")) but the slice gives \(indices.count)",
                        at: indices[0].range.union(indices.last!.range))
            return nil
        }
        var taken = 1
        for (axis, index) in indices.enumerated() {
            let extent = shape[axis]
            guard let (low, high) = bounds(index) else { return nil }
            if high < low {
                sink.report(.indexOutOfRange, "the range \(low)..\(high) is empty", at: index.range,
                            help: "write the smaller index first")
                return nil
            }
            if low < 0 || high >= extent {
                let along = shape.count > 1 ? " along axis \(axis) of its shape \(shape)" : ""
                sink.report(.indexOutOfRange, "'\(name)' has \(plural(extent, "neuron"))\(along), indexed 0..\(extent - 1), but the slice reaches \(low < 0 ? low : high)",
                            at: index.range)
                return nil
            }
            taken *= high - low + 1
        }
        return taken * shape.dropFirst(indices.count).reduce(1, *)
    }

    /// The inclusive bounds of one index or range, reported when not constant whole numbers.
    private func bounds(_ index: Expr) -> (Int, Int)? {
        if case .range(let low, let high) = index.kind {
            guard let a = integer(low), let b = integer(high) else { return nil }
            return (a, b)
        }
        guard let i = integer(index) else { return nil }
        return (i, i)
    }

    private func integer(_ expr: Expr) -> Int? {
        let value = expressions.requireDimensionless(expr, what: "an index")
        if value.type.isInvalid { return nil }
        guard let constant = ConstantEvaluator(scope: expressions.scope).evaluate(expr) else {
            sink.report(.notConstant, "an index must be known before the run", at: expr.range,
                        help: "use numbers and constants only")
            return nil
        }
        guard let i = constant.integer else {
            sink.report(.valueOutOfRange, "an index must be a whole number, not \(format(constant))", at: expr.range)
            return nil
        }
        return i
    }
}

/// "1 neuron", "3 neurons".
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
