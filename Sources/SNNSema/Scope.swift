// Scope: what a name means where an expression is checked. Each context (a neuron body, a rule, an `on spike`
// block, the experiment) supplies one; lookups may compute a type lazily, and cycles are reported there.

import SNNSource
import SNNSyntax

/// What kind of thing a name is bound to, for messages and for the rules of assignment.
public enum BindingKind: Equatable, Sendable {
    case param, state, alias, constant
    /// A rule's per-synapse, per-presynaptic or per-postsynaptic variable.
    case synaptic, preTrace, postTrace
    /// The synaptic weight `w` inside `on spike`, an event argument such as `r` in `on reward(r)`.
    case weight, eventArgument
    case entity(EntityKind)
    /// `label`, `time` and the like inside experiment blocks.
    case experimentValue

    public var noun: String {
        switch self {
        case .param: return "parameter"
        case .state: return "state variable"
        case .alias: return "`let` value"
        case .constant: return "constant"
        case .synaptic: return "per-synapse variable"
        case .preTrace: return "per-presynaptic-neuron variable"
        case .postTrace: return "per-postsynaptic-neuron variable"
        case .weight: return "synaptic weight"
        case .eventArgument: return "event argument"
        case .entity(let kind): return kind.rawValue
        case .experimentValue: return "experiment value"
        }
    }

    /// Whether `x = …` / `x += …` may assign it.
    var isAssignable: Bool {
        switch self {
        case .state, .synaptic, .preTrace, .postTrace, .weight: return true
        default: return false
        }
    }
}

public struct NameBinding: Sendable {
    public var kind: BindingKind
    public var value: TypedValue
    /// Where the name is declared (nil for built-in names).
    public var declaration: SourceRange?
}

protocol Scope {
    /// The binding of a name, or nil when it is not visible here.
    func lookup(_ name: String) -> NameBinding?
    /// The names visible here, for "did you mean" suggestions.
    var visibleNames: [String] { get }
    /// `base.member` (datasets' fields and split parts); nil when `base` has no such member.
    func member(_ member: String, of base: NameBinding, baseName: String) -> TypedValue?
    /// The members `base` has, for suggestions.
    func members(of base: NameBinding, baseName: String) -> [String]
    /// Whether readouts such as `spike_count(exc)` may be used (only in the experiment).
    var allowsReadouts: Bool { get }
    /// The value of a name known before the run (constants), in SI units, for sizes and exponents.
    func constant(_ name: String) -> ConstantValue?
}

extension Scope {
    func member(_ member: String, of base: NameBinding, baseName: String) -> TypedValue? { nil }
    func members(of base: NameBinding, baseName: String) -> [String] { [] }
    var allowsReadouts: Bool { false }
    func constant(_ name: String) -> ConstantValue? { nil }
}

extension BindingKind {
    /// The kind of a variable declared with `role` in a neuron model or rule.
    public init(_ role: VariableDecl.Role) {
        switch role {
        case .param: self = .param
        case .state: self = .state
        case .synaptic: self = .synaptic
        case .pre: self = .preTrace
        case .post: self = .postTrace
        }
    }
}
