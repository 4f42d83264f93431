// ConstantEvaluator: the value of an expression that is known before the run — numbers, quantities, constants,
// lists and arithmetic on them — in SI units. Sizes, probabilities, delays and time steps are checked with it.
// It reports nothing: the expression checker has already reported what is wrong with the expression.

import Foundation
import SNNSyntax

public struct ConstantValue: Equatable, Sendable {
    /// The elements in SI units (one for a single value).
    public var values: [Double]
    public var dimension: Dimension

    public init(_ values: [Double], _ dimension: Dimension) {
        self.values = values
        self.dimension = dimension
    }

    public var scalar: Double? { values.count == 1 ? values[0] : nil }

    /// The value as a whole number, when it is a single dimensionless integer.
    public var integer: Int? {
        guard dimension.isDimensionless, let v = scalar, v.rounded() == v, abs(v) < 1e15 else { return nil }
        return Int(v)
    }
}

struct ConstantEvaluator {
    let scope: Scope

    func evaluate(_ expr: Expr) -> ConstantValue? {
        switch expr.kind {
        case .number(let value, _):
            return ConstantValue([value], .none)
        case .quantity(let value, _, let unit):
            guard let u = UnitResolver.resolve(unit) else { return nil }
            return ConstantValue([value * u.scale], u.dimension)
        case .name(let name):
            return scope.constant(name)
        case .unary(let op, let operand):
            guard op != .not, let v = evaluate(operand) else { return nil }
            return op == .negate ? ConstantValue(v.values.map { -$0 }, v.dimension) : v
        case .binary(let op, let lhs, let rhs):
            guard let a = evaluate(lhs), let b = evaluate(rhs) else { return nil }
            return combine(op, a, b)
        case .list(let elements):
            var values: [Double] = []
            var dimension: Dimension?
            for element in elements {
                guard let v = evaluate(element), v.values.count == 1 else { return nil }
                if let d = dimension, d != v.dimension { return nil }
                dimension = v.dimension
                values.append(v.values[0])
            }
            return ConstantValue(values, dimension ?? .none)
        case .index(let base, let indices):
            guard indices.count == 1, let list = evaluate(base), let i = evaluate(indices[0])?.integer,
                  list.values.indices.contains(i) else { return nil }
            return ConstantValue([list.values[i]], list.dimension)
        default:
            return nil
        }
    }

    private func combine(_ op: BinaryOperator, _ a: ConstantValue, _ b: ConstantValue) -> ConstantValue? {
        let n = max(a.values.count, b.values.count)
        guard a.values.count == b.values.count || a.values.count == 1 || b.values.count == 1 else { return nil }
        func zipped(_ f: (Double, Double) -> Double) -> [Double] {
            (0..<n).map { f(a.values[a.values.count == 1 ? 0 : $0], b.values[b.values.count == 1 ? 0 : $0]) }
        }
        switch op {
        case .add, .subtract:
            guard a.dimension == b.dimension else { return nil }
            return ConstantValue(zipped(op == .add ? (+) : (-)), a.dimension)
        case .multiply:
            return ConstantValue(zipped(*), a.dimension * b.dimension)
        case .divide:
            return ConstantValue(zipped(/), a.dimension / b.dimension)
        case .power:
            guard let exponent = b.scalar, b.dimension.isDimensionless,
                  let d = a.dimension.raised(toHalves: Int((exponent * 2).rounded())),
                  a.dimension.isDimensionless || (exponent * 2).rounded() == exponent * 2 else { return nil }
            return ConstantValue(a.values.map { pow($0, exponent) }, d)
        default:
            return nil
        }
    }
}
