// ProgramBuilder: constants fold in Double, identities vanish, constants gather across instructions, equal
// instructions are emitted once, draws never merge, dead code goes and registers are reused.

import Testing
@testable import SNNPlan

@Suite struct ProgramBuilderTests {
    @Test func constantsFoldInDouble() {
        var builder = ProgramBuilder()
        let tiny = builder.mul(.constant(1e-30), .constant(1e-30))
        #expect(tiny.constant.map { abs($0 / 1e-60 - 1) < 1e-15 } == true)   // 0 in Float
        let back = builder.mul(tiny, .constant(1e50))
        #expect(back.constant.map { abs($0 - 1e-10) < 1e-24 } == true)
        #expect(builder.emit(.exp, [.constant(0)]) == .one)
        #expect(builder.emit(.gt, [.constant(2), .constant(1)]) == .one)
        #expect(builder.emit(.select, [.zero, .constant(5), .constant(7)]) == .constant(7))
        #expect(builder.instructions.isEmpty)
    }

    @Test func identitiesAndGatheredConstants() {
        var builder = ProgramBuilder()
        let v = PlanValue.operand(.buffer(0))
        #expect(builder.add(v, .zero) == v)
        #expect(builder.mul(.one, v) == v)
        #expect(builder.mul(v, .zero) == .zero)
        #expect(builder.sub(v, v) == .zero)
        #expect(builder.instructions.isEmpty)
        // (v * 2) * 3 → v * 6; v / 4 → v * 0.25; (v + 1) - 3 → v + -2; -(v * 5) → v * -5.
        let scaled = builder.mul(builder.mul(v, .constant(2)), .constant(3))
        let quarter = builder.div(v, .constant(4))
        let shifted = builder.sub(builder.add(v, .constant(1)), .constant(3))
        let negated = builder.neg(builder.mul(v, .constant(5)))
        let program = builder.finish()
        _ = (scaled, quarter, shifted, negated)
        #expect(program.isEmpty)   // nothing stored: everything is dead
        var kept = ProgramBuilder()
        let six = kept.mul(kept.mul(v, .constant(2)), .constant(3))
        kept.store(six, into: 0)
        let final = kept.finish()
        #expect(final.instructions == [Instruction(.mul, 0, [.buffer(0), .constant(6)])])
    }

    @Test func equalInstructionsAreEmittedOnceButDrawsNeverMerge() {
        var builder = ProgramBuilder()
        let v = PlanValue.operand(.buffer(0)), w = PlanValue.operand(.buffer(1))
        let a = builder.mul(v, w), b = builder.mul(w, v)
        #expect(a == b)
        let c = builder.mul(.constant(0.5), v), d = builder.mul(v, .constant(0.5))
        #expect(c == d)
        let x = builder.draw(.normal, .zero, .one, stream: 3), y = builder.draw(.normal, .zero, .one, stream: 4)
        #expect(x != y)
        #expect(builder.instructions.count == 4)
    }

    @Test func deadCodeIsRemovedAndRegistersReused() {
        var builder = ProgramBuilder()
        var value = PlanValue.operand(.buffer(0))
        for k in 1...50 { value = builder.emit(.exp, [builder.mul(value, .operand(.buffer(k % 3)))]) }
        _ = builder.emit(.sin, [value])   // never stored
        builder.store(value, into: 1, heldWhileRefractory: true)
        builder.store(.constant(2), into: 2)
        builder.store(.operand(.buffer(0)), into: 0)   // a buffer's own value: no store
        let program = builder.finish()
        #expect(program.instructions.count == 101)
        #expect(!program.instructions.contains { $0.op == .sin })
        #expect(program.registerCount == 2)
        #expect(program.stores.map(\.buffer) == [1, 2])
        #expect(program.stores.map(\.heldWhileRefractory) == [true, false])
        for instruction in program.instructions {
            #expect(!instruction.operands.contains(.register(instruction.destination)))
        }
    }

    @Test func conditionProgramsGetAResultRegister() {
        var builder = ProgramBuilder()
        let program = builder.finish(result: .one)
        #expect(program.instructions == [Instruction(.copy, 0, [.constant(1)])])
        #expect(program.result == 0)
    }
}
