// Checkpoint: a training run saved between two samples, so that a killed run resumes to the same result as an
// uninterrupted one. The file ("SNNK", version u32, model hash u64, then the runner's state as JSON and every
// mutable buffer of the network as raw bytes, each with its byte count) holds: the populations' state,
// refractory counters, spike counts and delay rings (not direct input's, which lives in the state); the sources'
// spike counts; every worker's weights; the learning rules' traces and per-synapse variables with their
// last-update steps, and their record of recent presynaptic activity (PresynapticHistory). Random draws are keyed
// by step, so nothing else is needed. The buffers depend on the thread count, which must match when resuming.
// Written atomically (temporary file, then rename).

import Foundation

public struct CheckpointOptions: Sendable {
    public var path: String
    /// Samples of training between two checkpoints.
    public var interval: Int
    /// Start from the checkpoint at `path` (when it exists) instead of from the beginning.
    public var resume: Bool

    public init(path: String, interval: Int = 1000, resume: Bool = false) {
        self.path = path
        self.interval = interval
        self.resume = resume
    }
}

enum Checkpoint {
    static let magic: [UInt8] = Array("SNNK".utf8)
    /// 2: direct input (one-step delays) has no ring rows to save. 3: the record of recent presynaptic activity of
    /// learning synapses with longer delays.
    static let version: UInt32 = 3

    /// Every buffer the network changes while it runs, in a fixed order.
    static func buffers(_ engine: Engine) -> [UnsafeMutableRawBufferPointer] {
        func raw<T>(_ buffer: AlignedBuffer<T>) -> UnsafeMutableRawBufferPointer {
            UnsafeMutableRawBufferPointer(start: buffer.pointer, count: buffer.count * MemoryLayout<T>.stride)
        }
        var list: [UnsafeMutableRawBufferPointer] = []
        for pop in engine.populations {
            list += [raw(pop.values), raw(pop.refractoryCounter), raw(pop.spikeCounts)]
            list += pop.rings.compactMap { $0.storage.map(raw) }
        }
        list += engine.sources.map { raw($0.spikeCounts) }
        for projection in engine.projections { list += projection.views.map { raw($0.weights) } }
        for rule in engine.plasticity {
            list += rule.postTraces.map(raw)
            for store in rule.stores {
                list += store.variables.dropFirst().map(raw)
                if let last = store.lastUpdate { list.append(raw(last)) }
                list += store.preTraces.map(raw)
                if let history = store.history {
                    list += history.traces.map(raw)
                    list += [raw(history.spikes), raw(history.spikeCounts), raw(history.spikeTraces), raw(history.lastStep)]
                }
            }
        }
        return list
    }

    static func write(_ runner: ExperimentRunner, to path: String) throws {
        var out = ByteWriter()
        out.bytes(magic)
        out.u32(version)
        out.u64(runner.experiment.modelHash)
        let state = try JSONEncoder().encode(runner.state)
        out.u64(UInt64(state.count))
        out.data.append(state)
        let buffers = buffers(runner.engine)
        out.u32(UInt32(buffers.count))
        for buffer in buffers {
            out.u64(UInt64(buffer.count))
            out.data.append(contentsOf: UnsafeRawBufferPointer(buffer))
        }
        try out.data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Restores the runner and its network from `path`.
    static func read(into runner: ExperimentRunner, from path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "the checkpoint '\(path)' cannot be read")
        }
        var input = ByteReader(data)
        func fail(_ message: String) -> FormatError { FormatError(description: "checkpoint '\(path)': \(message)") }
        do {
            guard Array(try input.take(4)) == magic else { throw fail("not a snnc checkpoint") }
            guard try input.u32() == version else { throw fail("made by another version of snnc") }
            guard try input.u64() == runner.experiment.modelHash else { throw fail("made for a different model") }
            let stateBytes = try input.take(Int(try input.u64()))
            let state = try JSONDecoder().decode(RunnerState.self, from: Data(stateBytes))
            let buffers = buffers(runner.engine)
            let differs = fail("the network differs (another thread count? resume with the same --threads)")
            guard Int(try input.u32()) == buffers.count else { throw differs }
            for buffer in buffers {
                guard Int(try input.u64()) == buffer.count else { throw differs }
                try input.take(buffer.count).withUnsafeBytes { buffer.copyMemory(from: $0) }
            }
            runner.state = state
            runner.engine.completedSteps = state.now
        } catch is ByteReader.Truncated {
            throw fail("the file ends early; it is truncated")
        }
    }
}
