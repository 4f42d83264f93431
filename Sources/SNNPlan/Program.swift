// Program: the small instruction set that neuron dynamics are compiled to. A program runs over a population's
// neurons in blocks; every instruction reads operands — a per-neuron buffer, a constant, a per-neuron table or
// a register (a temporary holding one value per neuron of the block) — and writes one register. Conditions are
// numbers: 1 for true, 0 for false. A program ends with stores that copy registers into buffers, so that every
// right-hand side reads the values from before the step. `snnc plan` prints programs with `ProgramListing`.

public enum Operand: Hashable, Sendable {
    /// A per-neuron Float32 buffer of the population (a state variable or a per-neuron parameter).
    case buffer(Int)
    /// The same value for every neuron (a parameter, a constant, a propagator coefficient), in SI units.
    case constant(Float)
    /// A register written by an earlier instruction of the same program.
    case register(Int)
    /// A per-neuron table of the population plan (`PopulationPlan.tables`), such as a list-valued parameter.
    case table(Int)
}

public enum Opcode: String, CaseIterable, Sendable {
    // One operand.
    case copy, neg, abs, exp, log, log10, sqrt, sin, cos, tan, tanh, sinh, cosh, floor, ceil, round, not
    // Two operands.
    case add, sub, mul, div, min, max, pow
    case lt, le, gt, ge, eq, ne, and, or
    // Three operands: `select a b c` is b where a is true, else c.
    case select
    /// `uniform low high` and `normal mean sd`: a fresh draw per neuron and step, from the counter-based RNG,
    /// keyed by the instruction's stream (see `CounterRNG`).
    case uniform, normal

    public var arity: Int {
        switch self {
        case .copy, .neg, .abs, .exp, .log, .log10, .sqrt, .sin, .cos, .tan, .tanh, .sinh, .cosh, .floor, .ceil,
             .round, .not:
            return 1
        case .select:
            return 3
        default:
            return 2
        }
    }
}

public struct Instruction: Equatable, Sendable {
    public var op: Opcode
    /// The register written.
    public var destination: Int
    /// `op.arity` operands.
    public var operands: [Operand]
    /// For `uniform` and `normal`: which random stream of the plan the draws come from (unique per draw site).
    public var stream: UInt32

    public init(_ op: Opcode, _ destination: Int, _ operands: [Operand], stream: UInt32 = 0) {
        self.op = op
        self.destination = destination
        self.operands = operands
        self.stream = stream
    }
}

/// Copies a register into a buffer once every instruction has run. A held store keeps the old value for
/// neurons that are refractory (the membrane is clamped while the rest of the model evolves).
public struct Store: Equatable, Sendable {
    public var buffer: Int
    public var register: Int
    public var heldWhileRefractory: Bool

    public init(buffer: Int, register: Int, heldWhileRefractory: Bool = false) {
        self.buffer = buffer
        self.register = register
        self.heldWhileRefractory = heldWhileRefractory
    }
}

public struct Program: Equatable, Sendable {
    public var instructions: [Instruction]
    public var registerCount: Int
    public var stores: [Store]
    /// For condition programs (threshold, refractory condition): the register holding the result.
    public var result: Int?

    public init(instructions: [Instruction] = [], registerCount: Int = 0, stores: [Store] = [], result: Int? = nil) {
        self.instructions = instructions
        self.registerCount = registerCount
        self.stores = stores
        self.result = result
    }

    public var isEmpty: Bool { instructions.isEmpty && stores.isEmpty }
}
