// Support for the planner's tests: a model checked from source text with the prelude (as `snnc check` does, the
// dataset inspector answering "not found"), its populations lowered by the NeuronCompiler, the examples read
// from `Examples/`, and a well-formedness check for compiled programs.

import Foundation
import SNNSema
import SNNSource
import SNNSyntax
import Testing
@testable import SNNPlan

struct CheckedSource {
    var model: CheckedModel
    var sources: SourceManager

    init(_ text: String, path: String = "test.snn") {
        sources = SourceManager()
        let prelude = PreludeLibrary.load(into: sources)
        let file = sources.add(path: path, text: text)
        let parsed = Parser.parse(file)
        model = SemanticChecker.check(parsed.syntax, prelude: prelude, sources: sources)
    }

    var errors: [String] { Self.errors(of: model) }

    static func errors(of model: CheckedModel) -> [String] {
        model.diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    func compile(_ population: String, dt: Double = 1e-4, streams: inout StreamAllocator)
        -> Result<PopulationPlan, PlanFailure> {
        guard let info = model.population(population) else {
            Issue.record("no population '\(population)'")
            return .failure(PlanFailure(Diagnostic(.error, DiagnosticCode("E0000"), "no population", at: model.syntax.range)))
        }
        return NeuronCompiler.compile(population: info, in: model, dt: dt, streams: &streams, sources: sources)
    }

    func compile(_ population: String, dt: Double = 1e-4) -> Result<PopulationPlan, PlanFailure> {
        var streams = StreamAllocator()
        return compile(population, dt: dt, streams: &streams)
    }

    /// The plan, recording an issue (and returning nil) when the model has errors or does not compile.
    func plan(_ population: String, dt: Double = 1e-4, sourceLocation: SourceLocation = #_sourceLocation)
        -> PopulationPlan? {
        #expect(errors.isEmpty, "the model has errors: \(errors)", sourceLocation: sourceLocation)
        switch compile(population, dt: dt) {
        case .success(let plan):
            checkWellFormed(plan, sourceLocation: sourceLocation)
            return plan
        case .failure(let failure):
            Issue.record("'\(population)' does not compile: \(failure.diagnostic.message)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

enum Examples {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples").standardized

    static func text(_ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    static func checked(_ name: String) -> CheckedSource { CheckedSource(text(name), path: name) }
}

/// Every register is written before it is read and below `registerCount`, no destination is also an operand
/// of its own instruction, operands and stores stay inside the population's buffers and tables, and the
/// result of a condition program is a written register.
func checkWellFormed(_ plan: PopulationPlan, sourceLocation: SourceLocation = #_sourceLocation) {
    var programs = [("initialize", plan.initialize), ("update", plan.update), ("reset", plan.reset)]
    if let threshold = plan.threshold { programs.append(("threshold", threshold)) }
    if case .condition(let condition) = plan.refractory { programs.append(("refractory", condition)) }
    for (name, program) in programs {
        var written = Set<Int>()
        for instruction in program.instructions {
            #expect(instruction.operands.count == instruction.op.arity, "\(name): arity", sourceLocation: sourceLocation)
            for operand in instruction.operands {
                switch operand {
                case .register(let r):
                    #expect(written.contains(r), "\(name): r\(r) read before written", sourceLocation: sourceLocation)
                    #expect(r != instruction.destination, "\(name): r\(r) is operand and destination", sourceLocation: sourceLocation)
                case .buffer(let b):
                    #expect(plan.buffers.indices.contains(b), "\(name): buffer \(b)", sourceLocation: sourceLocation)
                case .table(let t):
                    #expect(plan.tables.indices.contains(t) && plan.tables[t].count == plan.size,
                            "\(name): table \(t)", sourceLocation: sourceLocation)
                case .constant(let c):
                    #expect(c.isFinite, "\(name): constant \(c)", sourceLocation: sourceLocation)
                }
            }
            #expect(instruction.destination < program.registerCount, "\(name): register count", sourceLocation: sourceLocation)
            written.insert(instruction.destination)
        }
        for store in program.stores {
            #expect(written.contains(store.register), "\(name): store of unwritten r\(store.register)", sourceLocation: sourceLocation)
            #expect(plan.buffers.indices.contains(store.buffer), "\(name): store buffer", sourceLocation: sourceLocation)
        }
        #expect(Set(program.stores.map(\.buffer)).count == program.stores.count, "\(name): one store per buffer",
                sourceLocation: sourceLocation)
        if let result = program.result {
            #expect(written.contains(result), "\(name): result", sourceLocation: sourceLocation)
        }
    }
    // initialize stores every buffer.
    #expect(Set(plan.initialize.stores.map(\.buffer)) == Set(plan.buffers.indices), "initialize stores every buffer",
            sourceLocation: sourceLocation)
}
