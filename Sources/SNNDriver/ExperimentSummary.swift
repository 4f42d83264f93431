// ExperimentSummary: what `snnc run` adds to the run summary after a learning experiment — per `train`, the
// samples shown and the last epoch's accuracy; per `evaluate`, accuracy, per-class accuracy and the confusion
// matrix; label assignments (with their labelling pass); saved weight files — as text, and as a JSON object under "experiment".

import Foundation
import SNNRuntime

struct ExperimentSummary {
    let result: ExperimentResult

    var text: String {
        var out = ""
        if let resumed = result.resumedFrom { out += "resumed from \(resumed)\n" }
        for t in result.trainings {
            out += "trained on \(t.dataset): \(t.epochs) epoch\(t.epochs == 1 ? "" : "s"), \(StatisticsRenderer.grouped(t.samplesShown)) samples"
            if t.extraPresentations > 0 { out += " (+\(t.extraPresentations) boosted repeats)" }
            out += String(format: " in %.2f s (%.1f samples/s", t.seconds, t.seconds > 0 ? Double(t.samplesShown) / t.seconds : 0)
            if let threads = t.trainerThreads { out += ", \(threads) thread\(threads == 1 ? "" : "s")" }
            out += ")"
            if let accuracy = t.lastEpochAccuracy { out += String(format: "; last-epoch accuracy %.1f%%", accuracy * 100) }
            if let loss = t.lastEpochLoss { out += String(format: ", loss %.4f", loss) }
            out += "\n"
        }
        for a in result.assignments {
            let labelled = a.labels.filter { $0 >= 0 }.count
            out += "assigned labels to \(labelled) of \(a.labels.count) neurons of \(a.population)"
            if let dataset = a.dataset, let samples = a.samples, let seconds = a.seconds {
                out += String(format: " from %@ samples of %@ with learning off in %.2f s", StatisticsRenderer.grouped(samples),
                              dataset, seconds)
            }
            out += "\n"
        }
        for e in result.evaluations {
            out += String(format: "evaluated on %@: accuracy %.2f%% (%d of %d) in %.2f s\n", e.dataset, e.accuracy * 100,
                          e.correct, e.samples, e.seconds)
            var rows = [["true \\ predicted"] + e.classNames + ["none", "accuracy"]]
            for (c, name) in e.classNames.enumerated() {
                let accuracy = e.perClassAccuracy[c].map { String(format: "%.1f%%", $0 * 100) } ?? "-"
                rows.append([name] + e.confusion[c].map(String.init) + [String(e.unpredicted[c]), accuracy])
            }
            out += StatisticsRenderer.table(rows) + "\n"
        }
        for file in result.savedFiles { out += "saved \(file)\n" }
        return out
    }

    var json: [String: Any] {
        [
            "trainings": result.trainings.map { t -> [String: Any] in
                var o: [String: Any] = ["dataset": t.dataset, "epochs": t.epochs, "samples": t.samplesShown,
                                        "boosted_repeats": t.extraPresentations, "wall_s": t.seconds]
                if let accuracy = t.lastEpochAccuracy { o["last_epoch_accuracy"] = accuracy }
                if let loss = t.lastEpochLoss { o["last_epoch_loss"] = loss }
                if !t.epochLosses.isEmpty { o["epoch_losses"] = t.epochLosses }
                if let threads = t.trainerThreads { o["threads"] = threads }
                return o
            },
            "evaluations": result.evaluations.map { e -> [String: Any] in
                ["dataset": e.dataset, "accuracy": e.accuracy, "correct": e.correct, "samples": e.samples,
                 "classes": e.classNames, "confusion": e.confusion, "unpredicted": e.unpredicted,
                 "per_class_accuracy": e.perClassAccuracy.map { $0 as Any? ?? NSNull() }, "wall_s": e.seconds]
            },
            "assignments": result.assignments.map { a -> [String: Any] in
                var o: [String: Any] = ["population": a.population, "labels": a.labels]
                if let dataset = a.dataset { o["dataset"] = dataset }
                if let samples = a.samples { o["samples"] = samples }
                if let seconds = a.seconds { o["wall_s"] = seconds }
                return o
            },
            "saved": result.savedFiles,
        ]
    }
}
