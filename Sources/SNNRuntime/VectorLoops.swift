// VectorLoops: the inner loops of the interpreter. One instruction runs over a block of `Vector`s; each
// helper takes operands already resolved to a pointer (per-neuron values) or a broadcast (a constant) and runs a
// loop specialised for that combination, so nothing is decided per neuron. Results go to a `VectorSink` — a
// register, or a buffer with the store's hold and NaN check fused in. Operations are passed as closures to
// `@inline(__always)` functions and inline into straight SIMD code.

import Foundation
import SNNPlan

// The vector width is chosen at build time: 8 lanes (AVX2 or SSE on x86-64, NEON on arm64), or 16 with
// SNNC_VECTOR_WIDTH=16 (Package.swift defines SNNC_VECTOR16). Lane-wise arithmetic is the same either way, so
// results are bit-identical across widths.
#if SNNC_VECTOR16
typealias Vector = SIMD16<Float>
/// A vector's lanes as integers (masks, NaN flags).
typealias VectorBits = SIMD16<Int32>
typealias VectorWords = SIMD16<UInt32>
#else
typealias Vector = SIMD8<Float>
typealias VectorBits = SIMD8<Int32>
typealias VectorWords = SIMD8<UInt32>
#endif
typealias Mask = SIMDMask<VectorBits>

/// Lanes per vector.
let vectorLanes = Vector.scalarCount

/// An operand for one block: a pointer to its vectors, or (when nil) the same vector everywhere.
struct ResolvedOperand {
    var pointer: UnsafePointer<Vector>?
    var value: Vector

    @inline(__always)
    subscript(i: Int) -> Vector { pointer.map { $0[i] } ?? value }
}

/// An operand walked by a pointer that advances 1 vector per step (per-neuron values) or 0 (a constant's
/// broadcast vector in the program's pool): one loop serves every mix of operand kinds, for one add per operand.
struct StridedOperand {
    var pointer: UnsafePointer<Vector>
    let step: Int

    @inline(__always)
    mutating func next() -> Vector {
        let v = pointer.pointee
        pointer += step
        return v
    }
}

/// Where a loop writes vector i; returns the values written (a held store's kept lanes included).
protocol VectorSink {
    @discardableResult mutating func put(_ i: Int, _ v: Vector) -> Vector
}

/// A plain write: a register, or a buffer that needs no check.
struct PlainSink: VectorSink {
    let d: UnsafeMutablePointer<Vector>
    @inline(__always) @discardableResult func put(_ i: Int, _ v: Vector) -> Vector {
        d[i] = v
        return v
    }
}

/// A sink that checks what it writes for NaN and infinity.
protocol CheckingSink: VectorSink {
    /// The OR of the written values' `finiteMark`s (see `VectorLoops.anyNotFinite`).
    var bad: VectorBits { get }
}

/// A fused store into a state buffer: each value's `finiteMark` is OR-ed into `bad` (as integers: boolean mask
/// algebra compiles poorly on AVX2).
struct CheckedSink: CheckingSink {
    let d: UnsafeMutablePointer<Vector>
    var bad = VectorBits()
    @inline(__always) @discardableResult mutating func put(_ i: Int, _ v: Vector) -> Vector {
        d[i] = v
        bad |= VectorLoops.finiteMark(v)
        return v
    }
}

/// A fused held store: refractory lanes (`refractory` > 0) keep the buffer's old value.
struct HeldSink: VectorSink {
    let d: UnsafeMutablePointer<Vector>
    let refractory: UnsafePointer<Vector>
    @inline(__always) @discardableResult func put(_ i: Int, _ v: Vector) -> Vector {
        let w = v.replacing(with: d[i], where: refractory[i] .> 0)
        d[i] = w
        return w
    }
}

struct HeldCheckedSink: CheckingSink {
    let d: UnsafeMutablePointer<Vector>
    let refractory: UnsafePointer<Vector>
    var bad = VectorBits()
    @inline(__always) @discardableResult mutating func put(_ i: Int, _ v: Vector) -> Vector {
        let w = v.replacing(with: d[i], where: refractory[i] .> 0)
        d[i] = w
        bad |= VectorLoops.finiteMark(w)
        return w
    }
}

/// A fused threshold (see CompiledProgram): an upward crossing, `stored > threshold` or `stored ≥ threshold`.
struct SpikeTest {
    /// `.gt` or `.ge`.
    let op: Opcode
    let threshold: Vector
    /// Counted down by one once tested: the step counters, or whatever else is refractory in this step (a
    /// population without refractoriness counts down its unused counters rather than branch per vector).
    let countdown: UnsafeMutablePointer<Vector>
    /// Set after the pass: whether the condition held in any lane of the block (refractory and padding lanes
    /// included — the compaction sorts those out, in the rare blocks where this is true).
    let anyFired: UnsafeMutablePointer<Bool>
}

/// A store that also tests the spike condition on the values it writes, as a running maximum (the condition
/// holds somewhere exactly when it holds for the maximum; NaN lanes never fire and never enter it), and counts
/// refractoriness down, in the same pass.
struct SpikeSink<Inner: VectorSink>: VectorSink {
    var inner: Inner
    let test: SpikeTest
    var maximum = Vector(repeating: -.infinity)

    @inline(__always) @discardableResult mutating func put(_ i: Int, _ v: Vector) -> Vector {
        let w = inner.put(i, v)
        maximum = VectorLoops.maximum(maximum, w)
        test.countdown[i] -= 1
        return w
    }

    /// Whether the condition held in any lane.
    var fired: Bool { VectorLoops.anyNonzero(VectorLoops.bits(VectorLoops.compare(test.op, maximum, test.threshold))) }
}

/// A fold's value at vector i so far (see FoldFusion); nested types spell out each length, so every fold
/// loop compiles to straight code with its pointers and factors in registers.
protocol FoldPartial {
    func value(_ i: Int) -> Vector
}

/// The first term, x·k.
struct FoldFirst: FoldPartial {
    let x: UnsafePointer<Vector>
    let k: Vector
    @inline(__always) func value(_ i: Int) -> Vector { x[i] * k }
}

/// A first term with factor 1: x (x·1 is x, bit for bit).
struct FoldFirstUnit: FoldPartial {
    let x: UnsafePointer<Vector>
    @inline(__always) func value(_ i: Int) -> Vector { x[i] }
}

/// The terms before, plus a term with factor 1.
struct FoldNextUnit<Before: FoldPartial>: FoldPartial {
    let before: Before
    let x: UnsafePointer<Vector>
    @inline(__always) func value(_ i: Int) -> Vector { before.value(i) + x[i] }
}

/// The terms before, plus x·k (rounded separately: never a fused multiply-add).
struct FoldNext<Before: FoldPartial>: FoldPartial {
    let before: Before
    let x: UnsafePointer<Vector>
    let k: Vector
    @inline(__always) func value(_ i: Int) -> Vector { before.value(i) + x[i] * k }
}

enum VectorLoops {
    static let one = Vector(repeating: 1)

    /// A condition as a number: 1 where true, 0 elsewhere.
    @inline(__always)
    static func number(_ mask: Mask) -> Vector {
        Vector.zero.replacing(with: one, where: mask)
    }

    @inline(__always)
    static func unary<S: VectorSink>(_ n: Int, _ d: inout S, _ a: ResolvedOperand, _ f: (Vector) -> Vector) {
        if let pa = a.pointer {
            for i in 0..<n { d.put(i, f(pa[i])) }
        } else {
            let r = f(a.value)
            for i in 0..<n { d.put(i, r) }
        }
    }

    @inline(__always)
    static func binary<S: VectorSink>(_ n: Int, _ d: inout S, _ a: ResolvedOperand, _ b: ResolvedOperand,
                                      _ f: (Vector, Vector) -> Vector) {
        if let pa = a.pointer {
            if let pb = b.pointer {
                for i in 0..<n { d.put(i, f(pa[i], pb[i])) }
            } else {
                let vb = b.value
                for i in 0..<n { d.put(i, f(pa[i], vb)) }
            }
        } else {
            let va = a.value
            if let pb = b.pointer {
                for i in 0..<n { d.put(i, f(va, pb[i])) }
            } else {
                let r = f(va, b.value)
                for i in 0..<n { d.put(i, r) }
            }
        }
    }

    /// outer(inner(x, y), c) (`left`) or outer(c, inner(x, y)), outer and inner among + − × ÷.
    @inline(__always)
    static func chain<S: VectorSink>(_ n: Int, _ d: inout S, _ x: StridedOperand, _ y: StridedOperand,
                                     _ c: StridedOperand, outer: Opcode, left: Bool,
                                     _ inner: (Vector, Vector) -> Vector) {
        @inline(__always)
        func loop(_ outer: (Vector, Vector) -> Vector) {
            // The common shape (`a + b·k`, `a·k + b`: per-neuron x and c, constant y) as plain indexed loads and a
            // broadcast held in a register: a third fewer instructions than walking three pointers.
            if x.step == 1 && y.step == 0 && c.step == 1 {
                let px = x.pointer, vy = y.pointer.pointee, pc = c.pointer
                for i in 0..<n {
                    let t = inner(px[i], vy)
                    d.put(i, left ? outer(t, pc[i]) : outer(pc[i], t))
                }
                return
            }
            var x = x, y = y, c = c
            for i in 0..<n {
                let t = inner(x.next(), y.next())
                d.put(i, left ? outer(t, c.next()) : outer(c.next(), t))
            }
        }
        switch (outer, left) {
        case (.add, true): loop { $0 + $1 }
        case (.add, false): loop { $0 + $1 }
        case (.sub, _): loop { $0 - $1 }
        case (.mul, _): loop { $0 * $1 }
        default: loop { $0 / $1 }
        }
    }

    /// outer(inner(x1, y1), inner(x2, y2)), outer and inner among + − × ÷.
    @inline(__always)
    static func pair<S: VectorSink>(_ n: Int, _ d: inout S, _ x1: StridedOperand, _ y1: StridedOperand,
                                    _ x2: StridedOperand, _ y2: StridedOperand, outer: Opcode,
                                    _ inner: (Vector, Vector) -> Vector) {
        @inline(__always)
        func loop(_ outer: (Vector, Vector) -> Vector) {
            // The common shape (`a·k1 + b·k2`): per-neuron x, constant y.
            if x1.step == 1 && y1.step == 0 && x2.step == 1 && y2.step == 0 {
                let p1 = x1.pointer, k1 = y1.pointer.pointee, p2 = x2.pointer, k2 = y2.pointer.pointee
                for i in 0..<n { d.put(i, outer(inner(p1[i], k1), inner(p2[i], k2))) }
                return
            }
            var x1 = x1, y1 = y1, x2 = x2, y2 = y2
            for i in 0..<n {
                let t1 = inner(x1.next(), y1.next())
                let t2 = inner(x2.next(), y2.next())
                d.put(i, outer(t1, t2))
            }
        }
        switch outer {
        case .add: loop { $0 + $1 }
        case .sub: loop { $0 - $1 }
        case .mul: loop { $0 * $1 }
        default: loop { $0 / $1 }
        }
    }

    /// On a local copy of the sink: fold loops nested in generic helpers otherwise keep its running values (NaN
    /// marks, a threshold's maximum) in memory.
    @inline(__always)
    static func fold<S: VectorSink, P: FoldPartial>(_ n: Int, _ d: inout S, _ sum: P) {
        var sink = d
        for i in 0..<n { sink.put(i, sum.value(i)) }
        d = sink
    }

    /// `select a b c`: b where a ≠ 0, else c. Rare enough for one generic loop.
    @inline(__always)
    static func select<S: VectorSink>(_ n: Int, _ d: inout S, _ a: ResolvedOperand, _ b: ResolvedOperand,
                                      _ c: ResolvedOperand) {
        for i in 0..<n { d.put(i, c[i].replacing(with: b[i], where: a[i] .!= 0)) }
    }

    /// A scalar function applied lane by lane (transcendental functions without a SIMD version).
    @inline(__always)
    static func lanes<S: VectorSink>(_ n: Int, _ d: inout S, _ a: ResolvedOperand, _ f: (Float) -> Float) {
        for i in 0..<n {
            let x = a[i]
            var r = Vector()
            for l in 0..<vectorLanes { r[l] = f(x[l]) }
            d.put(i, r)
        }
    }

    @inline(__always)
    static func lanes<S: VectorSink>(_ n: Int, _ d: inout S, _ a: ResolvedOperand, _ b: ResolvedOperand,
                                     _ f: (Float, Float) -> Float) {
        for i in 0..<n {
            let x = a[i], y = b[i]
            var r = Vector()
            for l in 0..<vectorLanes { r[l] = f(x[l], y[l]) }
            d.put(i, r)
        }
    }

    /// `x op y` for a comparison opcode.
    @inline(__always)
    static func compare(_ op: Opcode, _ x: Vector, _ y: Vector) -> Mask {
        switch op {
        case .lt: return x .< y
        case .le: return x .<= y
        case .gt: return x .> y
        case .ge: return x .>= y
        case .eq: return x .== y
        default: return x .!= y
        }
    }

    /// A mask as integer lanes (−1 true, 0 false), to combine with integer operations.
    @inline(__always)
    static func bits(_ mask: Mask) -> VectorBits { unsafeBitCast(mask, to: VectorBits.self) }

    /// Whether any lane is nonzero: halves OR-ed down to 128 bits, then one 64-bit test (the stdlib's `any`
    /// extracts and compares every lane).
    @inline(__always)
    static func anyNonzero(_ bits: VectorBits) -> Bool {
        #if SNNC_VECTOR16
        let eight = bits.lowHalf | bits.highHalf
        #else
        let eight = bits
        #endif
        let half = unsafeBitCast(eight.lowHalf | eight.highHalf, to: SIMD2<UInt64>.self)
        return half[0] | half[1] != 0
    }

    /// x·0 as integer lanes: ±0 (nothing, or the sign bit) where x is finite, a NaN (every exponent bit set) where
    /// x is NaN or ±∞. OR-ed together over a block, `anyNotFinite` then tells whether a lane was not finite: two
    /// instructions per vector, and a one-cycle dependency between them.
    @inline(__always)
    static func finiteMark(_ x: Vector) -> VectorBits { unsafeBitCast(x * 0, to: VectorBits.self) }

    /// Whether OR-ed `finiteMark`s saw a NaN or an infinity.
    @inline(__always)
    static func anyNotFinite(_ marks: VectorBits) -> Bool { anyNonzero(marks & 0x7F80_0000) }

    /// |x|: the sign bit cleared (what `Float.magnitude` does).
    @inline(__always)
    static func magnitude(_ x: Vector) -> Vector {
        unsafeBitCast(unsafeBitCast(x, to: VectorWords.self) & 0x7FFF_FFFF, to: Vector.self)
    }

    /// −x: the sign bit flipped, as scalar negation does (the stdlib's SIMD `-x` is `0 - x`, which loses the
    /// sign of zero and of NaN).
    @inline(__always)
    static func negate(_ x: Vector) -> Vector {
        unsafeBitCast(unsafeBitCast(x, to: VectorWords.self) ^ 0x8000_0000, to: Vector.self)
    }

    /// `Swift.min(a, b)` lane-wise: b where b < a, else a (NaN handling included).
    @inline(__always)
    static func minimum(_ a: Vector, _ b: Vector) -> Vector { a.replacing(with: b, where: b .< a) }

    /// `Swift.max(a, b)` lane-wise: b where b ≥ a, else a.
    @inline(__always)
    static func maximum(_ a: Vector, _ b: Vector) -> Vector { a.replacing(with: b, where: b .>= a) }
}
