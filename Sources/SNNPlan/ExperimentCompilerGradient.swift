// ExperimentCompiler, gradient training: `train on D, epochs, samples, batch with gradient(…) { present T }` →
// a GradientTrainPlan (GradientCompiler finds and checks the layers), reported before any training starts.

import SNNSema
import SNNSource
import SNNSyntax

extension ExperimentCompiler {
    func gradientStep(_ statement: TrainStmt, lastTiming: (present: Int, rest: Int), sampleSet: (Expr) -> Int?,
                      readout: (Expr) -> ReadoutPlan?, into diagnostics: inout [Diagnostic]) -> GradientTrainPlan? {
        guard let gradient, let method = statement.method else { return nil }
        let options = ArgumentBinder.labelled(statement.options)
        var present = lastTiming.present
        var predict: ReadoutPlan?
        for phase in statement.phases ?? [] {
            switch phase.kind {
            case .present(let duration):
                present = steps(duration)
            case .setting(let name, let value) where name.name == "predict":
                predict = readout(value)
            default:
                diagnostics.append(.plan(.unsupportedGradient, "gradient training presents each sample for `present T`; rests, rewards, boosts and freezes do not apply",
                                         at: phase.range))
            }
        }
        do {
            let epochs = count(options["epochs"]) ?? 1
            let (network, projections) = try gradient.compile(method, steps: present, epochs: epochs,
                                                              batch: count(options["batch"]) ?? 32, readout: predict?.population)
            guard let set = sampleSet(statement.data) else { return nil }
            let presentation = PresentationPlan(sampleSet: set, epochs: epochs, samples: count(options["samples"]),
                                                presentSteps: present, restSteps: 0)
            return GradientTrainPlan(network: network, presentation: presentation, projections: projections,
                                     readout: gradient.projections[projections.last!].target)
        } catch let failure as PlanFailure {
            diagnostics.append(failure.diagnostic)
        } catch {}
        return nil
    }
}
