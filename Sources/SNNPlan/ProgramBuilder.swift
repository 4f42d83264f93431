// ProgramBuilder: assembles one `Program` from values. Arithmetic on plan-time constants is folded in Double
// (so that `tau_m`, `dt` and propagator coefficients never cost an instruction), trivial identities (`x + 0`,
// `x * 1`) vanish, identical pure instructions are emitted once (value numbering), and `finish` removes
// instructions whose results are unused and packs the virtual registers into as few as possible.

import Foundation

/// A value while a program is built: known at plan time (kept in Double until it becomes an operand), or an
/// operand the runtime reads (a buffer, a table, a register written by an earlier instruction).
enum PlanValue: Hashable {
    case constant(Double)
    case operand(Operand)

    static let zero = PlanValue.constant(0)
    static let one = PlanValue.constant(1)

    var constant: Double? {
        if case .constant(let value) = self { return value }
        return nil
    }

    /// The operand an instruction reads: constants are rounded to Float here, and only here.
    var asOperand: Operand {
        switch self {
        case .constant(let value): return .constant(Float(value))
        case .operand(let operand): return operand
        }
    }
}

struct ProgramBuilder {
    private(set) var instructions: [Instruction] = []
    private var nextRegister = 0
    private var stores: [Store] = []
    /// Value numbering: the register already holding `op operands`.
    private var known: [Key: Int] = [:]
    /// The second operand of an instruction, when it is a constant, in Double (its operand is rounded).
    private var constantOperands: [Int: Double] = [:]

    private struct Key: Hashable {
        var op: Opcode
        var operands: [Operand]
    }

    // MARK: - Emitting

    /// `op` applied to `arguments` (`op.arity` of them): folded when every argument is a constant, simplified
    /// when an identity applies, otherwise an instruction (or the register of an identical earlier one).
    /// Draws go through `draw` instead.
    mutating func emit(_ op: Opcode, _ arguments: [PlanValue]) -> PlanValue {
        precondition(arguments.count == op.arity && op != .uniform && op != .normal)
        let constants = arguments.compactMap(\.constant)
        if constants.count == arguments.count {
            return .constant(OpcodeSemantics.apply(op, constants))
        }
        var arguments = arguments
        // Commutative operations in one order, so that both orders share a key: constants second
        // (`mul v, 0.995`), buffers before tables before registers.
        if OpcodeSemantics.isCommutative(op), arguments[0].constant != nil
            || (arguments[1].constant == nil && arguments[1].asOperand.order < arguments[0].asOperand.order) {
            arguments.swapAt(0, 1)
        }
        if let simplified = simplify(op, arguments) { return simplified }
        if let combined = combine(op, arguments) { return combined }
        let operands = arguments.map(\.asOperand)
        let key = Key(op: op, operands: operands)
        if let register = known[key] { return .operand(.register(register)) }
        let register = append(Instruction(op, 0, operands))
        known[key] = register
        if arguments.count > 1, let c = arguments[1].constant { constantOperands[register] = c }
        return .operand(.register(register))
    }

    /// A random draw (`uniform low high`, `normal mean sd`) from `stream`: always a new instruction.
    mutating func draw(_ op: Opcode, _ first: PlanValue, _ second: PlanValue, stream: UInt32) -> PlanValue {
        precondition(op == .uniform || op == .normal)
        return .operand(.register(append(Instruction(op, 0, [first.asOperand, second.asOperand], stream: stream))))
    }

    private mutating func append(_ instruction: Instruction) -> Int {
        var instruction = instruction
        instruction.destination = nextRegister
        nextRegister += 1
        instructions.append(instruction)
        return instruction.destination
    }

    private mutating func simplify(_ op: Opcode, _ a: [PlanValue]) -> PlanValue? {
        switch op {
        case .add:
            if a[1].constant == 0 { return a[0] }
            if a[0].constant == 0 { return a[1] }
        case .sub:
            if a[1].constant == 0 { return a[0] }
            if a[0].constant == 0 { return emit(.neg, [a[1]]) }
            if a[0] == a[1] { return .zero }
        case .mul:
            if a[1].constant == 1 { return a[0] }
            if a[0].constant == 1 { return a[1] }
            if a[0].constant == 0 || a[1].constant == 0 { return .zero }
            if a[1].constant == -1 { return emit(.neg, [a[0]]) }
            if a[0].constant == -1 { return emit(.neg, [a[1]]) }
        case .div:
            if a[1].constant == 1 { return a[0] }
            if a[1].constant == -1 { return emit(.neg, [a[0]]) }
            if a[0].constant == 0 { return .zero }
        case .select:
            if let condition = a[0].constant { return condition != 0 ? a[1] : a[2] }
            if a[1] == a[2] { return a[1] }
        case .copy:
            return a[0]
        default:
            break
        }
        return nil
    }

    /// The instruction that wrote a register, and its constant second operand in Double (before `finish`,
    /// register k is written by instruction k).
    private func definition(_ value: PlanValue) -> (op: Opcode, first: PlanValue, constant: Double?)? {
        guard case .operand(.register(let r)) = value, instructions.indices.contains(r),
              instructions[r].destination == r else { return nil }
        let instruction = instructions[r]
        return (instruction.op, .operand(instruction.operands[0]), constantOperands[r])
    }

    /// Constants gathered across two instructions: `(x * a) * b` is `x * (a b)`, `(x + a) + b` is `x + (a + b)`,
    /// `-(x * a)` is `x * -a`, `x / c` is `x * (1/c)`, `x - c` is `x + -c`; the inner instruction is removed by
    /// `finish` when nothing else reads it.
    private mutating func combine(_ op: Opcode, _ a: [PlanValue]) -> PlanValue? {
        switch op {
        case .div:
            if let c = a[1].constant, c != 0, (1 / c).isFinite { return emit(.mul, [a[0], .constant(1 / c)]) }
        case .sub:
            if let c = a[1].constant { return emit(.add, [a[0], .constant(-c)]) }
        case .mul:
            guard let c = a[1].constant, let inner = definition(a[0]) else { return nil }
            if inner.op == .mul, let c1 = inner.constant { return emit(.mul, [inner.first, .constant(c1 * c)]) }
            if inner.op == .neg { return emit(.mul, [inner.first, .constant(-c)]) }
        case .add:
            guard let c = a[1].constant, let inner = definition(a[0]) else { return nil }
            if inner.op == .add, let c1 = inner.constant { return emit(.add, [inner.first, .constant(c1 + c)]) }
        case .neg:
            guard let inner = definition(a[0]) else { return nil }
            if inner.op == .neg { return inner.first }
            if inner.op == .mul, let c1 = inner.constant { return emit(.mul, [inner.first, .constant(-c1)]) }
        default:
            break
        }
        return nil
    }

    // MARK: - Convenience

    mutating func add(_ a: PlanValue, _ b: PlanValue) -> PlanValue { emit(.add, [a, b]) }
    mutating func sub(_ a: PlanValue, _ b: PlanValue) -> PlanValue { emit(.sub, [a, b]) }
    mutating func mul(_ a: PlanValue, _ b: PlanValue) -> PlanValue { emit(.mul, [a, b]) }
    mutating func div(_ a: PlanValue, _ b: PlanValue) -> PlanValue { emit(.div, [a, b]) }
    mutating func neg(_ a: PlanValue) -> PlanValue { emit(.neg, [a]) }

    /// `Σ coefficient × value + constant`, with the constant coefficients' products folded first.
    mutating func linearCombination(_ terms: [(coefficient: Double, value: PlanValue)], plus constant: Double = 0)
        -> PlanValue {
        var folded = constant
        var result: PlanValue?
        for (coefficient, value) in terms where coefficient != 0 {
            if let c = value.constant {
                folded += coefficient * c
                continue
            }
            let product = mul(value, .constant(coefficient))
            result = result.map { add($0, product) } ?? product
        }
        guard let result else { return .constant(folded) }
        return add(result, .constant(folded))
    }

    // MARK: - Stores and finishing

    /// Stores `value` into `buffer` once every instruction has run; storing a buffer's own value is no store.
    mutating func store(_ value: PlanValue, into buffer: Int, heldWhileRefractory: Bool = false) {
        if value == .operand(.buffer(buffer)) { return }
        let register = materialize(value)
        stores.append(Store(buffer: buffer, register: register, heldWhileRefractory: heldWhileRefractory))
    }

    /// A register holding `value` (a `copy` for a constant, buffer or table).
    mutating func materialize(_ value: PlanValue) -> Int {
        if case .operand(.register(let register)) = value { return register }
        return append(Instruction(.copy, 0, [value.asOperand]))
    }

    /// The program: dead instructions removed, registers renumbered so that a register is reused once its
    /// value is dead (a destination never shares a register with an operand of its own instruction).
    mutating func finish(result: PlanValue? = nil) -> Program {
        let resultRegister = result.map { materialize($0) }
        var live = Set(stores.map(\.register))
        if let resultRegister { live.insert(resultRegister) }
        var kept: [Instruction] = []
        for instruction in instructions.reversed() where live.contains(instruction.destination) {
            kept.append(instruction)
            for case .register(let r) in instruction.operands { live.insert(r) }
        }
        kept.reverse()
        return RegisterAllocator.allocate(kept, stores: stores, result: resultRegister)
    }
}

extension Operand {
    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    /// A total order on non-constant operands: buffers, then tables, then registers, each by index.
    var order: Int {
        switch self {
        case .buffer(let i): return i
        case .table(let i): return 1 << 40 + i
        case .register(let i): return 2 << 40 + i
        case .constant: return 3 << 40
        }
    }
}

/// Linear-scan register allocation over straight-line code: a virtual register's physical register is freed
/// after its last reader; stores and the result are read at the end.
enum RegisterAllocator {
    static func allocate(_ instructions: [Instruction], stores: [Store], result: Int?) -> Program {
        var lastUse: [Int: Int] = [:]
        for (index, instruction) in instructions.enumerated() {
            for case .register(let r) in instruction.operands { lastUse[r] = index }
        }
        for store in stores { lastUse[store.register] = instructions.count }
        if let result { lastUse[result] = instructions.count }

        var physical: [Int: Int] = [:]
        var free: [Int] = []   // kept sorted descending, so popLast gives the lowest
        var count = 0
        var output: [Instruction] = []
        output.reserveCapacity(instructions.count)
        for (index, instruction) in instructions.enumerated() {
            var renamed = instruction
            renamed.operands = instruction.operands.map { operand in
                if case .register(let r) = operand { return .register(physical[r]!) }
                return operand
            }
            let destination: Int
            if let reused = free.popLast() {
                destination = reused
            } else {
                destination = count
                count += 1
            }
            physical[instruction.destination] = destination
            renamed.destination = destination
            output.append(renamed)
            var released: [Int] = []
            for case .register(let r) in Set(instruction.operands) where lastUse[r] == index {
                released.append(physical[r]!)
            }
            if lastUse[instruction.destination] == nil { released.append(destination) }
            if !released.isEmpty {
                free.append(contentsOf: released)
                free.sort(by: >)
            }
        }
        return Program(instructions: output, registerCount: count,
                       stores: stores.map { Store(buffer: $0.buffer, register: physical[$0.register]!,
                                                  heldWhileRefractory: $0.heldWhileRefractory) },
                       result: result.map { physical[$0]! })
    }
}

/// What each opcode computes, in Double, for constant folding. Conditions are 1 (true) and 0 (false); `round`
/// rounds half away from zero.
enum OpcodeSemantics {
    static func isCommutative(_ op: Opcode) -> Bool {
        switch op {
        case .add, .mul, .min, .max, .eq, .ne, .and, .or: return true
        default: return false
        }
    }

    static func apply(_ op: Opcode, _ x: [Double]) -> Double {
        func truth(_ b: Bool) -> Double { b ? 1 : 0 }
        switch op {
        case .copy: return x[0]
        case .neg: return -x[0]
        case .abs: return Swift.abs(x[0])
        case .exp: return Foundation.exp(x[0])
        case .log: return Foundation.log(x[0])
        case .log10: return Foundation.log10(x[0])
        case .sqrt: return x[0].squareRoot()
        case .sin: return Foundation.sin(x[0])
        case .cos: return Foundation.cos(x[0])
        case .tan: return Foundation.tan(x[0])
        case .tanh: return Foundation.tanh(x[0])
        case .sinh: return Foundation.sinh(x[0])
        case .cosh: return Foundation.cosh(x[0])
        case .floor: return x[0].rounded(.down)
        case .ceil: return x[0].rounded(.up)
        case .round: return x[0].rounded(.toNearestOrAwayFromZero)
        case .not: return truth(x[0] == 0)
        case .add: return x[0] + x[1]
        case .sub: return x[0] - x[1]
        case .mul: return x[0] * x[1]
        case .div: return x[0] / x[1]
        case .min: return Swift.min(x[0], x[1])
        case .max: return Swift.max(x[0], x[1])
        case .pow: return Foundation.pow(x[0], x[1])
        case .lt: return truth(x[0] < x[1])
        case .le: return truth(x[0] <= x[1])
        case .gt: return truth(x[0] > x[1])
        case .ge: return truth(x[0] >= x[1])
        case .eq: return truth(x[0] == x[1])
        case .ne: return truth(x[0] != x[1])
        case .and: return truth(x[0] != 0 && x[1] != 0)
        case .or: return truth(x[0] != 0 || x[1] != 0)
        case .select: return x[0] != 0 ? x[1] : x[2]
        case .uniform, .normal: preconditionFailure("draws are never folded")
        }
    }
}
