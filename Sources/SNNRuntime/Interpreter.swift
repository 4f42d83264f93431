// Interpreter: runs a compiled program over one block of neurons — a contiguous chunk of a population, or a
// gathered set of spiking neurons for a reset. Each instruction's operands are resolved to pointers or
// broadcasts once per block, then one SIMD loop over the block's vectors does the work; registers are
// block-sized scratch vectors that stay in L1. Stores copy registers into buffers afterwards (so every
// instruction sees the values from before the step) and return whether every checked value was finite.

import Foundation
import SNNPlan

/// What one block's run of a program reads and writes.
struct BlockFrame {
    /// Base pointers of the population's buffers and tables (or of gathered copies).
    var buffers: UnsafePointer<UnsafeMutablePointer<Float>>
    var tables: UnsafePointer<UnsafeMutablePointer<Float>>
    /// Added to buffer and table pointers: the block's first neuron (0 for gathered copies). A multiple of 16.
    var first: Int
    /// Vectors (`vectorLanes` neurons each) in the block.
    var vectors: Int
    var registers: UnsafeMutablePointer<Float>
    /// Floats per register (the block capacity).
    var registerStride: Int
    /// Gathered blocks: the neuron of each lane (random draws are keyed by neuron). Nil: lane l of vector i is
    /// neuron `first + vectorLanes·i + l`.
    var neurons: UnsafePointer<Int32>?
    var seed: UInt64
    /// The random draws' counter: the step.
    var counter: UInt64
    /// Positive where a neuron is refractory (held stores keep the old value there); nil outside the update.
    var refractory: UnsafePointer<Vector>? = nil
    /// The fused threshold of the update program (see CompiledProgram); nil outside the update.
    var spikeTest: SpikeTest? = nil

    @inline(__always)
    func register(_ r: Int) -> UnsafeMutablePointer<Vector> {
        UnsafeMutableRawPointer(registers + r * registerStride).assumingMemoryBound(to: Vector.self)
    }

    @inline(__always)
    func buffer(_ b: Int) -> UnsafeMutablePointer<Vector> {
        UnsafeMutableRawPointer(buffers[b] + first).assumingMemoryBound(to: Vector.self)
    }

    @inline(__always)
    func resolve(_ o: CompiledOperand) -> ResolvedOperand {
        switch o.kind {
        case .buffer:
            return ResolvedOperand(pointer: UnsafePointer(buffer(Int(o.index))), value: .zero)
        case .table:
            let p = UnsafeRawPointer(tables[Int(o.index)] + first).assumingMemoryBound(to: Vector.self)
            return ResolvedOperand(pointer: p, value: .zero)
        case .register:
            return ResolvedOperand(pointer: UnsafePointer(register(Int(o.index))), value: .zero)
        case .constant:
            return ResolvedOperand(pointer: nil, value: Vector(repeating: o.value))
        }
    }

    /// The operand as a walking pointer: constants stay on their pool slot.
    @inline(__always)
    func strided(_ o: CompiledOperand, _ constants: UnsafePointer<Vector>) -> StridedOperand {
        switch o.kind {
        case .constant: return StridedOperand(pointer: constants + Int(o.index), step: 0)
        default: return StridedOperand(pointer: resolve(o).pointer!, step: 1)
        }
    }

    @inline(__always)
    func neuron(vector i: Int, lane l: Int) -> UInt64 {
        if let neurons { return UInt64(neurons[i &* vectorLanes &+ l]) }
        return UInt64(first &+ i &* vectorLanes &+ l)
    }
}

enum Interpreter {
    /// Runs every instruction of `program` over the block (and the fused stores, not the others). Returns false
    /// when a fused, checked store wrote a NaN or an infinity (padding lanes included).
    static func run(_ program: CompiledProgram, _ f: BlockFrame) -> Bool {
        guard let base = program.instructions.baseAddress else { return true }
        var finite = true
        for k in 0..<program.instructions.count {
            let ins = UnsafePointer(base + k)
            switch ins.pointee.sink {
            case .register:
                var sink = PlainSink(d: f.register(Int(ins.pointee.destination)))
                execute(ins, f, program.constants, &sink)
            case .buffer:
                var sink = PlainSink(d: f.buffer(Int(ins.pointee.sinkBuffer)))
                execute(ins, f, program.constants, &sink)
            case .checked:
                if !checked(ins, f, program.constants, CheckedSink(d: f.buffer(Int(ins.pointee.sinkBuffer))))
                { finite = false }
            case .held, .heldChecked:
                let d = f.buffer(Int(ins.pointee.sinkBuffer))
                switch (f.refractory, ins.pointee.sink == .heldChecked) {
                case (let refractory?, true):
                    if !checked(ins, f, program.constants, HeldCheckedSink(d: d, refractory: refractory)) {
                        finite = false
                    }
                case (let refractory?, false):
                    var sink = HeldSink(d: d, refractory: refractory)
                    execute(ins, f, program.constants, &sink)
                case (nil, true):
                    if !checked(ins, f, program.constants, CheckedSink(d: d)) { finite = false }
                case (nil, false):
                    var sink = PlainSink(d: d)
                    execute(ins, f, program.constants, &sink)
                }
            }
        }
        return finite
    }

    /// One instruction into a checked store, through the spike test when it carries the fused threshold.
    /// Returns false when it wrote a NaN or an infinity.
    @inline(__always)
    static func checked<S: CheckingSink>(_ ins: UnsafePointer<CompiledInstruction>, _ f: BlockFrame,
                                         _ constants: UnsafePointer<Vector>, _ sink: S) -> Bool {
        if ins.pointee.testsThreshold, let test = f.spikeTest {
            var spiking = SpikeSink(inner: sink, test: test)
            execute(ins, f, constants, &spiking)
            test.anyFired.pointee = spiking.fired
            return !VectorLoops.anyNotFinite(spiking.inner.bad)
        }
        var sink = sink
        execute(ins, f, constants, &sink)
        return !VectorLoops.anyNotFinite(sink.bad)
    }

    /// One instruction over the block, into `d`. Specialised for each kind of sink.
    @inline(never)
    static func execute<S: VectorSink>(_ ins: UnsafePointer<CompiledInstruction>, _ f: BlockFrame,
                                       _ constants: UnsafePointer<Vector>, _ d: inout S) {
        let n = f.vectors
        if ins.pointee.chain != .none {
            chain(ins, f, constants, &d)
            return
        }
        let a = f.resolve(ins.pointee.a)
        switch ins.pointee.op {
        case .copy: VectorLoops.unary(n, &d, a) { $0 }
        case .neg: VectorLoops.unary(n, &d, a) { VectorLoops.negate($0) }
        case .abs: VectorLoops.unary(n, &d, a) { VectorLoops.magnitude($0) }
        case .sqrt: VectorLoops.unary(n, &d, a) { $0.squareRoot() }
        case .floor: VectorLoops.unary(n, &d, a) { $0.rounded(.down) }
        case .ceil: VectorLoops.unary(n, &d, a) { $0.rounded(.up) }
        case .round: VectorLoops.lanes(n, &d, a) { $0.rounded(.toNearestOrAwayFromZero) }
        case .not: VectorLoops.unary(n, &d, a) { VectorLoops.number($0 .== 0) }
        case .exp: VectorLoops.lanes(n, &d, a) { Foundation.exp($0) }
        case .log: VectorLoops.lanes(n, &d, a) { Foundation.log($0) }
        case .log10: VectorLoops.lanes(n, &d, a) { Foundation.log10($0) }
        case .sin: VectorLoops.lanes(n, &d, a) { Foundation.sin($0) }
        case .cos: VectorLoops.lanes(n, &d, a) { Foundation.cos($0) }
        case .tan: VectorLoops.lanes(n, &d, a) { Foundation.tan($0) }
        case .tanh: VectorLoops.lanes(n, &d, a) { Foundation.tanh($0) }
        case .sinh: VectorLoops.lanes(n, &d, a) { Foundation.sinh($0) }
        case .cosh: VectorLoops.lanes(n, &d, a) { Foundation.cosh($0) }
        case .add: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { $0 + $1 }
        case .sub: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { $0 - $1 }
        case .mul: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { $0 * $1 }
        case .div: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { $0 / $1 }
        case .min: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.minimum($0, $1) }
        case .max: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.maximum($0, $1) }
        case .pow: VectorLoops.lanes(n, &d, a, f.resolve(ins.pointee.b)) { Foundation.pow($0, $1) }
        case .lt: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number($0 .< $1) }
        case .le: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number($0 .<= $1) }
        case .gt: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number($0 .> $1) }
        case .ge: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number($0 .>= $1) }
        case .eq: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number($0 .== $1) }
        case .ne: VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number($0 .!= $1) }
        case .and:
            VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number(($0 .!= 0) .& ($1 .!= 0)) }
        case .or:
            VectorLoops.binary(n, &d, a, f.resolve(ins.pointee.b)) { VectorLoops.number(($0 .!= 0) .| ($1 .!= 0)) }
        case .select: VectorLoops.select(n, &d, a, f.resolve(ins.pointee.b), f.resolve(ins.pointee.c))
        case .uniform: draw(ins.pointee.stream, f, &d, a, f.resolve(ins.pointee.b), normal: false)
        case .normal: draw(ins.pointee.stream, f, &d, a, f.resolve(ins.pointee.b), normal: true)
        }
    }

    /// A fused chain: the outer operation applied to the inner operation's result and the other operand.
    @inline(__always)
    static func chain<S: VectorSink>(_ ins: UnsafePointer<CompiledInstruction>, _ f: BlockFrame,
                                     _ constants: UnsafePointer<Vector>, _ d: inout S) {
        switch ins.pointee.chain {
        case .both:
            pair(ins, f, constants, &d)
            return
        case .fold:
            fold(ins, f, constants, &d)
            return
        default: break
        }
        let left = ins.pointee.chain == .left
        let x = f.strided(ins.pointee.innerA, constants), y = f.strided(ins.pointee.innerB, constants)
        let c = f.strided(left ? ins.pointee.b : ins.pointee.a, constants)
        let n = f.vectors
        switch ins.pointee.inner {
        case .add: VectorLoops.chain(n, &d, x, y, c, outer: ins.pointee.op, left: left) { $0 + $1 }
        case .sub: VectorLoops.chain(n, &d, x, y, c, outer: ins.pointee.op, left: left) { $0 - $1 }
        case .mul: VectorLoops.chain(n, &d, x, y, c, outer: ins.pointee.op, left: left) { $0 * $1 }
        default: VectorLoops.chain(n, &d, x, y, c, outer: ins.pointee.op, left: left) { $0 / $1 }
        }
    }

    /// A fused pair: outer(inner(x1, y1), inner(x2, y2)).
    @inline(__always)
    static func pair<S: VectorSink>(_ ins: UnsafePointer<CompiledInstruction>, _ f: BlockFrame,
                                    _ constants: UnsafePointer<Vector>, _ d: inout S) {
        let x1 = f.strided(ins.pointee.innerA, constants), y1 = f.strided(ins.pointee.innerB, constants)
        let x2 = f.strided(ins.pointee.pairA, constants), y2 = f.strided(ins.pointee.pairB, constants)
        let n = f.vectors
        switch ins.pointee.inner {
        case .add: VectorLoops.pair(n, &d, x1, y1, x2, y2, outer: ins.pointee.op) { $0 + $1 }
        case .sub: VectorLoops.pair(n, &d, x1, y1, x2, y2, outer: ins.pointee.op) { $0 - $1 }
        case .mul: VectorLoops.pair(n, &d, x1, y1, x2, y2, outer: ins.pointee.op) { $0 * $1 }
        default: VectorLoops.pair(n, &d, x1, y1, x2, y2, outer: ins.pointee.op) { $0 / $1 }
        }
    }

    /// A fold (see FoldFusion): `x0·k0 + x1·k1 + …` evaluated left to right, each term's values read by index (a
    /// constant term's from the block of ones in the constant pool) and its factor held in a register. A first or
    /// last term with factor 1 (`ge + ge·k`, `… + v`) skips its multiplication, which changes no bit.
    @inline(__always)
    static func fold<S: VectorSink>(_ ins: UnsafePointer<CompiledInstruction>, _ f: BlockFrame,
                                    _ constants: UnsafePointer<Vector>, _ d: inout S) {
        let n = f.vectors, count = Int(ins.pointee.foldCount)
        @inline(__always)
        func x(_ j: Int) -> UnsafePointer<Vector> {
            let o = ins.pointee.foldTerms[j]
            return o.kind == .constant ? constants + Int(o.index) : f.resolve(o).pointer!
        }
        @inline(__always)
        func k(_ j: Int) -> Vector { Vector(repeating: ins.pointee.foldFactors[j]) }
        @inline(__always)
        func isUnit(_ j: Int) -> Bool { ins.pointee.foldFactors[j] == 1 }
        /// Adds the last term to the terms before it and runs the loop.
        @inline(__always)
        func finish<P: FoldPartial>(_ p: P) {
            let last = count - 1
            if isUnit(last) {
                VectorLoops.fold(n, &d, FoldNextUnit(before: p, x: x(last)))
            } else {
                VectorLoops.fold(n, &d, FoldNext(before: p, x: x(last), k: k(last)))
            }
        }
        /// Adds the middle terms (1 ..< count − 1) to the first.
        @inline(__always)
        func middle<P: FoldPartial>(_ p: P) {
            switch count {
            case 2: finish(p)
            case 3: finish(FoldNext(before: p, x: x(1), k: k(1)))
            case 4: finish(FoldNext(before: FoldNext(before: p, x: x(1), k: k(1)), x: x(2), k: k(2)))
            case 5:
                finish(FoldNext(before: FoldNext(before: FoldNext(before: p, x: x(1), k: k(1)), x: x(2), k: k(2)),
                                x: x(3), k: k(3)))
            default:
                finish(FoldNext(before: FoldNext(before: FoldNext(before: FoldNext(before: p, x: x(1), k: k(1)),
                                                                  x: x(2), k: k(2)), x: x(3), k: k(3)),
                                x: x(4), k: k(4)))
            }
        }
        if isUnit(0) { middle(FoldFirstUnit(x: x(0))) } else { middle(FoldFirst(x: x(0), k: k(0))) }
    }

    /// Random draws lane by lane, each keyed by (seed, stream, step, neuron) — the shared part of the key hashed
    /// once per block — computed in Double as `CounterRNG` does and rounded to Float.
    static func draw<S: VectorSink>(_ stream: UInt32, _ f: BlockFrame, _ d: inout S,
                                    _ a: ResolvedOperand, _ b: ResolvedOperand, normal: Bool) {
        let key = CounterRNG.key(seed: f.seed, stream: stream, counter: f.counter)
        for i in 0..<f.vectors {
            let x = a[i], y = b[i]
            var r = Vector()
            for l in 0..<vectorLanes {
                let index = f.neuron(vector: i, lane: l)
                r[l] = normal
                    ? Float(CounterRNG.normal(Double(x[l]), Double(y[l]), key: key, index: index))
                    : Float(CounterRNG.uniform(Double(x[l]), Double(y[l]), key: key, index: index))
            }
            d.put(i, r)
        }
    }

    /// Copies registers into buffers (the stores not fused into instructions). A held store keeps the old value where `refractory` (step counters, or
    /// 1/0 per neuron) is positive. Returns false when a checked store wrote a NaN or an infinity (padding lanes included).
    static func store(_ program: CompiledProgram, _ f: BlockFrame, refractory: UnsafePointer<Vector>?) -> Bool {
        let n = f.vectors
        var finite = true
        for st in program.stores where !st.fused {
            let src = f.register(st.register)
            let dst = f.buffer(st.buffer)
            // Finite marks are OR-ed: a one-cycle dependency, unlike a running sum.
            var bad = VectorBits()
            switch (st.held ? refractory : nil, st.checked) {
            case (let refractory?, true):
                for i in 0..<n {
                    let v = src[i].replacing(with: dst[i], where: refractory[i] .> 0)
                    dst[i] = v
                    bad |= VectorLoops.finiteMark(v)
                }
            case (let refractory?, false):
                for i in 0..<n { dst[i] = src[i].replacing(with: dst[i], where: refractory[i] .> 0) }
            case (nil, true):
                for i in 0..<n {
                    let v = src[i]
                    dst[i] = v
                    bad |= VectorLoops.finiteMark(v)
                }
            case (nil, false):
                for i in 0..<n { dst[i] = src[i] }
            }
            if VectorLoops.anyNotFinite(bad) { finite = false }
        }
        return finite
    }
}
