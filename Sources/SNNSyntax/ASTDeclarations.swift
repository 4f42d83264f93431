// AST: the file, its items (declarations and experiment statements) and the bodies of neurons and rules.

import SNNSource

public struct SourceFileSyntax: Sendable {
    public var model: ModelHeader?
    public var items: [Item]
    public var range: SourceRange
}

public struct ModelHeader: Sendable {
    public var name: Identifier
    public var range: SourceRange
}

/// One top-level item. Declarations may come in any order; experiment statements run in file order.
public struct Item: Sendable {
    /// Boxed, so that copying an item costs one reference count.
    public indirect enum Kind: Sendable {
        case neuron(NeuronDecl)
        case rule(RuleDecl)
        case population(PopulationDecl)
        case input(InputDecl)
        case connect(ConnectDecl)
        case dataset(DatasetDecl)
        case split(SplitDecl)
        case constant(ConstDecl)
        case simulate(SimulateStmt)
        case record(RecordStmt)
        case train(TrainStmt)
        case evaluate(EvaluateStmt)
        case assignLabels(AssignLabelsStmt)
        /// `freeze` outside a phase block: parsed so that the checker can say where it belongs.
        case freeze(FreezeStmt)
        case save(TransferStmt)
        case load(TransferStmt)
    }
    public var kind: Kind
    /// The `##` doc comment directly above the item, if any.
    public var doc: String?
    public var range: SourceRange
}

// MARK: - Neurons and rules

public struct NeuronDecl: Sendable {
    public var name: Identifier
    public var base: Identifier?
    public var members: [Member]
    public var range: SourceRange
}

public struct RuleDecl: Sendable {
    public var name: Identifier
    public var base: Identifier?
    public var members: [Member]
    public var range: SourceRange
}

/// A member of a neuron or rule body.
public struct Member: Sendable {
    /// Boxed, so that copying a member (as the checker does for each) costs one reference count.
    public indirect enum Kind: Sendable {
        case variable(VariableDecl)
        case alias(name: Identifier, value: Expr)
        case equation(Equation)
        case threshold(Expr)
        case reset([Statement])
        case refractory(Expr)
        case method(Identifier)
        case handler(EventHandler)
    }
    public var kind: Kind
    public var doc: String?
    public var range: SourceRange
}

public struct VariableDecl: Sendable {
    public enum Role: String, Sendable {
        case param, state
        /// Rules only: per synapse, per presynaptic neuron, per postsynaptic neuron.
        case synaptic, pre, post
    }
    public var role: Role
    public var name: Identifier
    public var unit: UnitExpr?
    public var initial: Expr?
    /// `synaptic e = 0: de/dt = -e / tau_e`
    public var equation: Equation?
    public var range: SourceRange
}

/// `dv/dt = rhs`
public struct Equation: Sendable {
    public var variable: Identifier
    public var rhs: Expr
    public var range: SourceRange
}

/// `on pre { … }`, `on reward(r) { … }`, `on spike { … }`.
public struct EventHandler: Sendable {
    public var event: Identifier
    public var parameters: [Identifier]
    public var body: [Statement]
    public var range: SourceRange
}

// MARK: - Statements inside blocks

public struct Statement: Sendable {
    public indirect enum Kind: Sendable {
        case assignment(target: Expr, op: AssignmentOperator, value: Expr)
        case conditional(condition: Expr, then: [Statement], otherwise: [Statement]?)
    }
    public var kind: Kind
    public var range: SourceRange
}

public enum AssignmentOperator: String, Sendable {
    case assign = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/="
}
