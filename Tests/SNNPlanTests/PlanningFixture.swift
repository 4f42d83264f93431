// Support for the tests of the planner's network stages: a model checked from source text with the prelude,
// planned with a stand-in for the neuron compiler (one state buffer per state variable, empty programs) so that
// connectivity, effects, inputs, recorders and the schedule are tested on their own, or with the real one.

import Foundation
import SNNSema
import SNNSource
import SNNSyntax
import Testing
@testable import SNNPlan

struct PlanningFixture {
    var model: CheckedModel
    var sources: SourceManager

    init(_ text: String, path: String = "fixture.snn") {
        let checked = CheckedSource(text, path: path)
        model = checked.model
        sources = checked.sources
    }

    static func example(_ name: String) -> PlanningFixture { PlanningFixture(Examples.text(name), path: name) }

    var checkerErrors: [String] { CheckedSource.errors(of: model) }

    /// A neuron compiler stand-in: a state buffer per state variable of the model, empty programs.
    static func stubCompiler(_ info: PopulationInfo, _ model: CheckedModel, _ dt: Double, _ streams: inout StreamAllocator,
                             _ sources: SourceManager) -> Result<PopulationPlan, PlanFailure> {
        let states = model.models[info.modelName]?.variables.filter { $0.kind == .state }.map(\.name) ?? []
        return .success(PopulationPlan(name: info.name.name, model: info.modelName, size: info.size ?? 1,
                                       buffers: states.map { BufferPlan(name: $0, kind: .state) },
                                       initialize: Program(), update: Program(), threshold: nil, reset: Program(),
                                       refractory: .none, method: "stub"))
    }

    func outcome(realNeurons: Bool = false, resolvePath: @escaping Planner.PathResolver = Planner.pathAsWritten)
        -> PlanOutcome {
        if realNeurons { return Planner.plan(model, sources: sources, resolvePath: resolvePath) }
        return Planner.plan(model, sources: sources, resolvePath: resolvePath, compilePopulation: Self.stubCompiler)
    }

    /// The plan, recording an issue when the model has errors or does not plan.
    func plan(realNeurons: Bool = false, resolvePath: @escaping Planner.PathResolver = Planner.pathAsWritten,
              sourceLocation: SourceLocation = #_sourceLocation) -> ExecutionPlan? {
        #expect(checkerErrors.isEmpty, "checker errors: \(checkerErrors)", sourceLocation: sourceLocation)
        let outcome = outcome(realNeurons: realNeurons, resolvePath: resolvePath)
        #expect(outcome.internalError == nil, "\(outcome.internalError ?? "")", sourceLocation: sourceLocation)
        // Warnings do not stop a plan.
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
        return outcome.plan
    }

    /// The codes and messages of the planner's diagnostics, with their line:column.
    func planDiagnostics() -> [(code: String, line: Int, column: Int, message: String)] {
        outcome().diagnostics.map { d in
            let position = sources.file(d.range.file).position(of: d.range.startOffset)
            return (d.code.rawValue, position.line, position.column, d.message)
        }
    }
}

/// The plan of a model given as text (with the stand-in neuron compiler), recording an issue when it does not plan.
func planned(_ text: String, realNeurons: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> ExecutionPlan? {
    PlanningFixture(text).plan(realNeurons: realNeurons, sourceLocation: sourceLocation)
}

/// The plan of an example of `Examples/`.
func plannedExample(_ name: String, realNeurons: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
    -> ExecutionPlan? {
    PlanningFixture.example(name).plan(realNeurons: realNeurons, sourceLocation: sourceLocation)
}

/// A small neuron model for fixtures, with two states.
let fixtureNeuron = """
neuron cell {
  param tau = 10 ms
  state v = 0 mV
  state ge = 0 mV
  dv/dt = (ge - v) / tau
  dge/dt = -ge / tau
  spike when v > 10 mV
  reset v = 0 mV
}

"""
