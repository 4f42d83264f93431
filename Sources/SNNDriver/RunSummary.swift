// RunSummary: what `snnc run` reports after a simulation — spikes and mean rate per population and input, the
// simulated and wall time, neuron-steps and synaptic events per second — as text for people and as JSON for
// scripts (`--json`).

import Foundation
import SNNPlan
import SNNRuntime

struct RunSummary {
    struct Group {
        var name: String
        var kind: String
        var size: Int
        var spikes: Int
        var rateHz: Double
    }

    var model: String
    var groups: [Group]
    var steps: Int
    var dt: Double
    var simulationSeconds: Double
    var setupSeconds: Double
    var threads: Int
    var neurons: Int
    var synapses: Int
    var synapticEvents: Int
    var stoppedByUser: Bool
    var files: [String]
    /// From reading the model to the first simulated step: check, plan and the runtime's setup.
    var timeToFirstStep = 0.0
    /// The learning experiment's report, for a model that trains or evaluates.
    var experiment: ExperimentSummary?

    init(model: String, plan: ExecutionPlan, result: RunResult, files: [String]) {
        self.model = model
        steps = result.completedSteps
        dt = plan.dt
        simulationSeconds = result.simulationSeconds
        setupSeconds = result.setupSeconds
        threads = result.threads
        synapticEvents = result.synapticEvents
        stoppedByUser = result.stoppedByUser
        self.files = files
        let seconds = Double(result.completedSteps) * plan.dt
        func group(_ name: String, _ kind: String, _ counts: [Int32]) -> Group {
            let spikes = counts.reduce(0) { $0 + Int($1) }
            return Group(name: name, kind: kind, size: counts.count, spikes: spikes,
                         rateHz: seconds > 0 && !counts.isEmpty ? Double(spikes) / Double(counts.count) / seconds : 0)
        }
        groups = zip(plan.populations, result.populationSpikeCounts).map { group($0.name, $0.model, $1) }
            + zip(plan.sources, result.sourceSpikeCounts).map { group($0.name, $0.isCurrent ? "current" : "input", $1) }
        neurons = plan.populations.reduce(0) { $0 + $1.size }
        synapses = plan.projections.reduce(0) { $0 + $1.synapseCount }
    }

    var simulatedSeconds: Double { Double(steps) * dt }
    var neuronStepsPerSecond: Double { simulationSeconds > 0 ? Double(neurons * steps) / simulationSeconds : 0 }
    var eventsPerSecond: Double { simulationSeconds > 0 ? Double(synapticEvents) / simulationSeconds : 0 }

    var text: String {
        var out = ""
        // An experiment that only trains by gradients never steps the simulated network: no table of spikes.
        if steps > 0 || experiment == nil {
            var rows = [["group", "kind", "neurons", "spikes", "mean rate"]]
            for g in groups {
                rows.append([g.name, g.kind, StatisticsRenderer.grouped(g.size), StatisticsRenderer.grouped(g.spikes),
                             String(format: "%.2f Hz", g.rateHz)])
            }
            out += StatisticsRenderer.table(rows) + "\n"
            out += String(format: "simulated %.4g s in %d steps of %.4g ms%@\n", simulatedSeconds, steps, dt * 1e3,
                          stoppedByUser ? " (stopped early)" : "")
        }
        out += String(format: "wall time %.3f s, %d thread%@; %.3f s from reading the model to the first step\n",
                      simulationSeconds, threads, threads == 1 ? "" : "s", timeToFirstStep)
        if steps > 0 || experiment == nil {
            out += String(format: "%.3g neuron-steps/s, %@ synaptic events (%.3g/s)\n", neuronStepsPerSecond,
                          StatisticsRenderer.grouped(synapticEvents), eventsPerSecond)
        }
        for file in files { out += "wrote \(file)\n" }
        if let experiment { out += experiment.text }
        return out
    }

    var json: String {
        var object: [String: Any] = [
            "model": model,
            "steps": steps,
            "dt_ms": dt * 1e3,
            "simulated_s": simulatedSeconds,
            "wall_s": simulationSeconds,
            "setup_s": setupSeconds,
            "time_to_first_step_s": timeToFirstStep,
            "threads": threads,
            "neurons": neurons,
            "synapses": synapses,
            "neuron_steps_per_s": neuronStepsPerSecond,
            "synaptic_events": synapticEvents,
            "synaptic_events_per_s": eventsPerSecond,
            "stopped_early": stoppedByUser,
            "groups": groups.map { ["name": $0.name, "kind": $0.kind, "size": $0.size, "spikes": $0.spikes, "rate_hz": $0.rateHz] },
            "files": files,
        ]
        if let experiment { object["experiment"] = experiment.json }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
