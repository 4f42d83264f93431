// VectorLoops: the inner loops of the interpreter. One instruction runs over a block of SIMD8<Float> vectors; each
// helper takes operands already resolved to a pointer (per-neuron values) or a broadcast (a constant) and runs a
// loop specialised for that combination, so nothing is decided per neuron. Results go to a `VectorSink` — a
// register, or a buffer with the store's hold and NaN check fused in. Operations are passed as closures to
// `@inline(__always)` functions and inline into straight SIMD code.

import Foundation
import SNNPlan

typealias Vector = SIMD8<Float>
typealias Mask = SIMDMask<SIMD8<Int32>>

/// Lanes per vector.
let vectorLanes = 8

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

/// Where a loop writes vector i.
protocol VectorSink {
    mutating func put(_ i: Int, _ v: Vector)
}

/// A plain write: a register, or a buffer that needs no check.
struct PlainSink: VectorSink {
    let d: UnsafeMutablePointer<Vector>
    @inline(__always) func put(_ i: Int, _ v: Vector) { d[i] = v }
}

/// A fused store into a state buffer: NaN and infinity lanes are OR-ed into `bad` (as integers: boolean
/// mask algebra compiles poorly on AVX2).
struct CheckedSink: VectorSink {
    let d: UnsafeMutablePointer<Vector>
    var bad = SIMD8<Int32>()
    @inline(__always) mutating func put(_ i: Int, _ v: Vector) {
        d[i] = v
        bad |= VectorLoops.notFinite(v)
    }
}

/// A fused held store: refractory lanes keep the buffer's old value.
struct HeldSink: VectorSink {
    let d: UnsafeMutablePointer<Vector>
    let refractory: UnsafePointer<Vector>
    @inline(__always) func put(_ i: Int, _ v: Vector) { d[i] = v.replacing(with: d[i], where: refractory[i] .!= 0) }
}

struct HeldCheckedSink: VectorSink {
    let d: UnsafeMutablePointer<Vector>
    let refractory: UnsafePointer<Vector>
    var bad = SIMD8<Int32>()
    @inline(__always) mutating func put(_ i: Int, _ v: Vector) {
        let w = v.replacing(with: d[i], where: refractory[i] .!= 0)
        d[i] = w
        bad |= VectorLoops.notFinite(w)
    }
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

    /// A mask as integer lanes (−1 true, 0 false), to combine with integer operations.
    @inline(__always)
    static func bits(_ mask: Mask) -> SIMD8<Int32> { unsafeBitCast(mask, to: SIMD8<Int32>.self) }

    /// Whether any lane is nonzero: the two halves OR-ed, then one 64-bit test (the stdlib's `any` extracts and
    /// compares every lane).
    @inline(__always)
    static func anyNonzero(_ bits: SIMD8<Int32>) -> Bool {
        let half = unsafeBitCast(bits.lowHalf | bits.highHalf, to: SIMD2<UInt64>.self)
        return half[0] | half[1] != 0
    }

    /// Lanes that are NaN or ±∞ (x·0 is NaN exactly for those), as integer lanes.
    @inline(__always)
    static func notFinite(_ x: Vector) -> SIMD8<Int32> {
        let z = x * 0
        return bits(z .!= z)
    }

    /// |x|: the sign bit cleared (what `Float.magnitude` does).
    @inline(__always)
    static func magnitude(_ x: Vector) -> Vector {
        unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: Vector.self)
    }

    /// −x: the sign bit flipped, as scalar negation does (the stdlib's SIMD `-x` is `0 - x`, which loses the
    /// sign of zero and of NaN).
    @inline(__always)
    static func negate(_ x: Vector) -> Vector {
        unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) ^ 0x8000_0000, to: Vector.self)
    }

    /// `Swift.min(a, b)` lane-wise: b where b < a, else a (NaN handling included).
    @inline(__always)
    static func minimum(_ a: Vector, _ b: Vector) -> Vector { a.replacing(with: b, where: b .< a) }

    /// `Swift.max(a, b)` lane-wise: b where b ≥ a, else a.
    @inline(__always)
    static func maximum(_ a: Vector, _ b: Vector) -> Vector { a.replacing(with: b, where: b .>= a) }
}
