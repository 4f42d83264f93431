// ExperimentCompiler, labelling and freezing: `assign labels by mean response of P on D, samples = N, dt = …
// { present T, rest R, freeze X of P }` → a LabelPassPlan (presented as `evaluate` presents: the last train's
// timing and boost unless the block says otherwise), and `freeze X of P` in any phase block → the population's
// state buffer of that name.

import SNNSema
import SNNSource
import SNNSyntax

extension ExperimentCompiler {
    /// The labelling pass of `assign labels … on D`; nil when its data could not be loaded (reported already).
    func labelPass(_ statement: AssignLabelsStmt, lastTiming: (present: Int, rest: Int), lastBoost: BoostPlan?,
                   sampleSet: (Expr) -> Int?, fail: (String, SourceRange, String?) -> Void) -> LabelPassPlan? {
        guard let data = statement.data else { return nil }
        let options = ArgumentBinder.labelled(statement.options)
        var pass = LabelPassPlan(presentation: PresentationPlan(sampleSet: -1, epochs: 1, samples: count(options["samples"]),
                                                                presentSteps: lastTiming.present, restSteps: lastTiming.rest),
                                 boost: lastBoost)
        for phase in statement.phases ?? [] {
            switch phase.kind {
            case .present(let duration): pass.presentation.presentSteps = steps(duration)
            case .rest(let duration): pass.presentation.restSteps = steps(duration)
            case .freeze(let freeze): if let buffer = frozenBuffer(freeze, fail: fail) { pass.frozen.append(buffer) }
            default: break    // the checker reports what does not belong here
            }
        }
        guard let set = sampleSet(data) else { return nil }
        pass.presentation.sampleSet = set
        return pass
    }

    /// `freeze X of P`: P's state buffer X; nil when P did not compile (reported already) or keeps no such buffer.
    func frozenBuffer(_ statement: FreezeStmt, fail: (String, SourceRange, String?) -> Void) -> FrozenBuffer? {
        guard case .population(let p)? = groups[statement.population.name]?.reference,
              let buffers = populationBuffers[p] else { return nil }
        guard let b = buffers.firstIndex(where: { $0.name == statement.variable.name && $0.kind == .state }) else {
            fail("the runtime keeps no state of '\(statement.variable.name)' for '\(statement.population.name)' to freeze",
                 statement.range, nil)
            return nil
        }
        return FrozenBuffer(population: p, buffer: b)
    }
}
