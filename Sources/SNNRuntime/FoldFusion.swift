// FoldFusion: turns a sum of scaled values computed over several instructions — `((v·a + ge·b) + gi·c) + d`
// and then `+ v`, the shape every linear update takes — into one instruction that evaluates the same left fold
// `x0·k0 + x1·k1 + …` (at most `maxTerms` terms, each a per-neuron value times a constant) in one pass, with
// the same roundings in the same order, so results stay bit-identical:
// - `a + b` is `b + a` exactly, so a sum on the right is moved to the left;
// - `a − x·k` is `a + x·(−k)` and `a − x` is `a + x·(−1)` exactly;
// - a plain value x is the term x·1, a constant c the term 1·c (the program's block of ones times c).
// A producer is folded into its consumer when the consumer is its only reader and nothing between them (or
// between it and the fold's root) rewrites a register it reads; unlike chain fusion, the two need not be
// adjacent. Runs before store fusion, so no instruction writes a buffer yet.

import SNNPlan

/// One term of a fold: the operand's per-neuron values (for a constant operand, the block of ones) times `factor`.
struct FoldTerm {
    var x: CompiledOperand
    var factor: Float
}

struct FoldFusion {
    /// Terms per fold at most (each needs a pointer and a broadcast register in the loop).
    static let maxTerms = 6

    let code: [CompiledInstruction]
    let stores: [CompiledStore]
    let result: Int?
    /// Instructions folded into a later root already.
    let absorbed: [Bool]
    let root: Int

    /// `instructions` with every fold made, largest first (roots taken from the end).
    static func fuse(_ instructions: [CompiledInstruction], _ stores: [CompiledStore], result: Int?)
        -> [CompiledInstruction] {
        var code = instructions
        var absorbed = [Bool](repeating: false, count: code.count)
        for root in code.indices.reversed() where !absorbed[root] {
            let fusion = FoldFusion(code: code, stores: stores, result: result, absorbed: absorbed, root: root)
            guard let (terms, taken) = fusion.rootFold(), !taken.isEmpty else { continue }
            for k in taken { absorbed[k] = true }
            code[root].chain = .fold
            code[root].a = .none
            code[root].b = .none
            code[root].foldCount = Int8(terms.count)
            for (j, term) in terms.enumerated() {
                code[root].foldTerms[j] = term.x
                code[root].foldFactors[j] = term.factor
            }
        }
        return code.indices.filter { !absorbed[$0] }.map { code[$0] }
    }

    typealias Fold = (terms: [FoldTerm], taken: [Int])

    func rootFold() -> Fold? {
        let ins = code[root]
        guard ins.chain == .none, ins.sink == .register, ins.op == .add || ins.op == .sub else { return nil }
        return sum(ins, at: root, budget: Self.maxTerms)
    }

    /// The terms of instruction `n` (an add or a sub), when every value it reads is still there at the root.
    private func sum(_ ins: CompiledInstruction, at n: Int, budget: Int) -> Fold? {
        var left = ins.a, right = ins.b
        if ins.op == .add && isSum(right, readBy: n) && !isSum(left, readBy: n) { swap(&left, &right) }
        guard let first = expand(left, readBy: n, budget: budget - 1),
              let last = term(right, readBy: n, negated: ins.op == .sub) else { return nil }
        return (first.terms + last.terms, first.taken + last.taken)
    }

    /// `o` as the leading terms of a fold: a foldable sum's terms, a foldable product's one term, or `o · 1`.
    private func expand(_ o: CompiledOperand, readBy n: Int, budget: Int) -> Fold? {
        if let p = producer(o, readBy: n) {
            let ins = code[p]
            if ins.op == .mul {
                if let fold = product(ins, at: p, negated: false) { return (fold.terms, fold.taken + [p]) }
            } else if let fold = sum(ins, at: p, budget: budget), fold.terms.count <= budget {
                return (fold.terms, fold.taken + [p])
            }
        }
        return leaf(o, readBy: n, negated: false)
    }

    /// `o` (negated) as one term: a foldable product `x · k`, or the value itself.
    private func term(_ o: CompiledOperand, readBy n: Int, negated: Bool) -> Fold? {
        if let p = producer(o, readBy: n), code[p].op == .mul,
           let fold = product(code[p], at: p, negated: negated) {
            return (fold.terms, fold.taken + [p])
        }
        return leaf(o, readBy: n, negated: negated)
    }

    /// `x · k` or `k · x` with a constant k as the term (x, ±k).
    private func product(_ ins: CompiledInstruction, at p: Int, negated: Bool) -> Fold? {
        let (x, k): (CompiledOperand, CompiledOperand)
        switch (ins.a.kind == .constant, ins.b.kind == .constant) {
        case (false, true): (x, k) = (ins.a, ins.b)
        case (true, false): (x, k) = (ins.b, ins.a)
        default: return nil
        }
        guard unchanged(x, readAt: p) else { return nil }
        return ([FoldTerm(x: x, factor: negated ? -k.value : k.value)], [])
    }

    /// The operand as it is: x · (±1), or for a constant c the term 1 · (±c).
    private func leaf(_ o: CompiledOperand, readBy n: Int, negated: Bool) -> Fold? {
        guard unchanged(o, readAt: n) else { return nil }
        if o.kind == .constant { return ([FoldTerm(x: o, factor: negated ? -o.value : o.value)], []) }
        return ([FoldTerm(x: o, factor: negated ? -1 : 1)], [])
    }

    private func isSum(_ o: CompiledOperand, readBy n: Int) -> Bool {
        guard let p = producer(o, readBy: n) else { return false }
        return code[p].op == .add || code[p].op == .sub
    }

    /// The instruction computing register operand `o` for instruction `n`, when it can be folded into `n`: an
    /// unfused add, sub or mul whose value only `n` reads, once.
    private func producer(_ o: CompiledOperand, readBy n: Int) -> Int? {
        guard o.kind == .register, let p = code[..<n].lastIndex(where: { $0.writes(register: Int(o.index)) }),
              !absorbed[p], code[p].chain == .none, [Opcode.add, .sub, .mul].contains(code[p].op) else { return nil }
        let r = Int(o.index)
        let consumer = code[n]
        guard consumer.a.reads(.register, r) != consumer.b.reads(.register, r),
              !code[(p + 1)..<n].contains(where: { $0.reads(.register, r) }),
              CompiledProgram.isDead(r, after: n, code, stores, result: result) else { return nil }
        return p
    }

    /// Whether the value `o` read at instruction `n` is the same at the root: no instruction in between rewrites
    /// the register (buffers and tables are not written before the stores).
    private func unchanged(_ o: CompiledOperand, readAt n: Int) -> Bool {
        guard o.kind == .register, n < root else { return true }
        return !code[(n + 1)..<root].contains { $0.writes(register: Int(o.index)) }
    }
}
