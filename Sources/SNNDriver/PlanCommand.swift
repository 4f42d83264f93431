// PlanCommand: `snnc plan MODEL` — checks and plans a model without running it, then prints the execution plan:
// the schedule, each population with its buffers, method and programs as instruction listings, spike sources,
// projections with their synapse counts and delays, recorders, and the memory the run will need.

import SNNPlan

enum PlanCommand {
    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            io.writeOutput(HelpText.plan)
            return CLI.ExitCode.success
        }
        var path: String?, dataFolder: String?
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (name, inline) = argument.hasPrefix("-") ? CLI.splitOption(argument) : (argument, nil)
            switch name {
            case "--data":
                guard let folder = inline ?? remaining.popFirst() else { throw CLIError.usage("option '--data' needs a value") }
                dataFolder = folder
            default:
                if argument.hasPrefix("-") { throw CLIError.usage("unknown option '\(argument)' for 'snnc plan'") }
                if path != nil { throw CLIError.usage("'snnc plan' prints one model at a time") }
                path = argument
            }
        }
        guard let path else { throw CLIError.usage("'snnc plan' needs a model file") }
        guard let (plan, _, _) = try RunCommand.planModel(path: path, dataFolder: dataFolder, io: io) else {
            return CLI.ExitCode.diagnostics
        }
        io.writeOutput(render(plan))
        return CLI.ExitCode.success
    }

    static func render(_ plan: ExecutionPlan) -> String {
        var out = "schedule: \(plan.steps) steps of \(plan.dt * 1e3) ms (\(Double(plan.steps) * plan.dt) s), seed \(plan.seed)\n\n"
        for population in plan.populations { out += ProgramListing.listing(of: population) + "\n" }
        for source in plan.sources { out += "input \(source.name): \(source.size) sources, \(describe(source.kind))\n" }
        if !plan.sources.isEmpty { out += "\n" }
        for projection in plan.projections {
            if plan.drivesParameters(projection) {
                let drives = projection.effects.map { effect in
                    "\(plan.populations[projection.target].buffers[effect.buffer].name) += w × \(effect.scale) × current"
                }.joined(separator: ", ")
                out += "projection \(projection.name): \(StatisticsRenderer.grouped(projection.synapseCount)) synapses, "
                    + "while the input is on: \(drives)\n"
                continue
            }
            let effects = projection.effects.map { effect in
                "\(plan.populations[projection.target].buffers[effect.buffer].name) += w × \(effect.scale)"
            }.joined(separator: ", ")
            let delay = projection.delays.isEmpty ? "delay \(projection.uniformDelay) step(s)"
                : "delays \(projection.delays.min() ?? 0)…\(projection.maxDelay) steps"
            out += "projection \(projection.name): \(StatisticsRenderer.grouped(projection.synapseCount)) synapses, \(delay)"
                + (effects.isEmpty ? ", no effect" : ", on spike: \(effects)") + "\n"
        }
        if !plan.projections.isEmpty { out += "\n" }
        for learning in plan.plasticity {
            out += ProgramListing.listing(of: learning, projection: plan.projections[learning.projection]) + "\n"
        }
        if let experiment = plan.experiment { out += ProgramListing.listing(of: experiment, plan: plan) + "\n" }
        for recorder in plan.recorders { out += "record \(recorder.name)\n" }
        let memory = plan.memoryEstimate
        out += "\nmemory: state \(StatisticsRenderer.bytes(Double(memory.populationBytes + memory.sourceBytes))), "
            + "synapses \(StatisticsRenderer.bytes(Double(memory.synapseBytes))), "
            + "delay rings \(StatisticsRenderer.bytes(Double(memory.delayRingBytes))), "
            + "total \(StatisticsRenderer.bytes(Double(memory.totalBytes)))\n"
        return out
    }

    private static func describe(_ kind: SourcePlan.Kind) -> String {
        switch kind {
        case .poisson(let rates): return "Poisson at \(rateText(rates))"
        case .bernoulli(let rates): return "Bernoulli at \(rateText(rates))"
        case .regular(let rates, let phase): return "regular at \(rateText(rates)), first spike at step \(phase)"
        case .spikeTimes(let steps): return "one spike each, steps \(steps.min() ?? 0)…\(steps.max() ?? 0)"
        case .spikeList(let sources, _): return "\(sources.count) spikes from a file"
        case .current(let amperes):
            let low = amperes.min() ?? 0, high = amperes.max() ?? 0
            return "currents " + (low == high ? "\(low) A" : "\(low)…\(high) A")
        }
    }

    private static func rateText(_ rates: [Float]) -> String {
        let low = rates.min() ?? 0, high = rates.max() ?? 0
        return low == high ? "\(low) Hz" : "\(low)…\(high) Hz"
    }
}
