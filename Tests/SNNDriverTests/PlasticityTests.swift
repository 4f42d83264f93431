// Learning rules against hand-computed weight changes: presynaptic and postsynaptic spikes at known steps
// through the prelude's `stdp` (both orders), `stdp_nearest`, `stdp_mult` and `stdp_triplet`; traces decay by
// exp(-dt/tau) per step, a step's presynaptic events run before its postsynaptic ones; a delayed synapse sees
// the presynaptic spike when it reaches it (one or many delays). And thread counts.

import Foundation
@testable import SNNDriver
import SNNPlan
import SNNRuntime
import Testing

@Suite struct PlasticityTests {
    /// A relay neuron that fires in the step a teacher's spike arrives; `pre` fires at `preTime`, the teacher at
    /// `teacherTime` (its spike arrives one step later).
    static func pairing(preTime: String, teacherTime: String, pres: Int = 1, teachers: Int = 1,
                        rule: String = "stdp(a_pre = 0.01, a_post = -0.0105, tau_pre = 20 ms, tau_post = 20 ms, w_max = 1)",
                        delay: String = "0.1 ms") -> String {
        """
        neuron relay {
          state v = 0
          spike when v > 0.5
          reset v = 0
        }
        input pres = pulse_packet(time = \(preTime), jitter = 0 ms)[\(pres)]
        input teacher = pulse_packet(time = \(teacherTime), jitter = 0 ms)[\(teachers)]
        population post = relay[1]
        connect teacher -> post: all_to_all, weight = 1 on spike { v += w }
        connect pres -> post: all_to_all, weight = 0.5, delay = \(delay) on spike { v += 0 * w }
          learn \(rule)
        record spikes of post
        record weights of pres -> post
        simulate 40 ms with dt = 0.1 ms
        """
    }

    static func finalWeight(_ result: RunResult) throws -> Float {
        guard case .weights(_, _, let values) = result.recordings[1] else { throw CancellationError() }
        return values[0]
    }

    @Test func preBeforePostPotentiatesByThePresynapticTrace() throws {
        // pre at step 100; the teacher at step 150 arrives at 151, when post fires: 51 steps of decay.
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "15 ms"))
        #expect(spikeSteps(result, recorder: 0) == [151])
        let expected = 0.5 + 0.01 * exp(-51 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func postBeforePreDepressesByThePostsynapticTrace() throws {
        // post fires at step 51, pre at step 100: 49 steps of decay of the postsynaptic trace.
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "5 ms"))
        #expect(spikeSteps(result, recorder: 0) == [51])
        let expected = 0.5 - 0.0105 * exp(-49 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func nearestSpikePairingCountsOnlyTheLastPostsynapticSpike() throws {
        // post fires at steps 51 and 71, pre at 100: only the spike at 71 counts (additive STDP would add both).
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "[5 ms, 7 ms]", teachers: 2,
                                                    rule: "stdp_nearest(w = 0.5)"))
        #expect(spikeSteps(result, recorder: 0) == [51, 71])
        let expected = 0.5 - 0.0105 * exp(-29 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func multiplicativeDepressionScalesWithTheWeight() throws {
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "5 ms", rule: "stdp_mult(w = 0.5)"))
        let expected = 0.5 - 0.0105 * exp(-49 * 0.1 / 20) * 0.5
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func tripletPotentiationGrowsWithTheSecondPostsynapticSpike() throws {
        // pre at step 100; post at 151 and 201 (teachers at 15 and 20 ms).
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "[15 ms, 20 ms]", teachers: 2,
                                                    rule: "stdp_triplet(w = 0.5)"))
        #expect(spikeSteps(result, recorder: 0) == [151, 201])
        let a2 = 7.5e-10, a3 = 9.3e-3
        let first = exp(-51 * 0.1 / 16.8) * a2
        let second = exp(-101 * 0.1 / 16.8) * (a2 + a3 * exp(-50 * 0.1 / 125))
        #expect(abs(Double(try Self.finalWeight(result)) - (0.5 + first + second)) < 1e-6)
    }

    @Test func aDelayedSynapseSeesThePresynapticSpikeWhenItArrives() throws {
        // pre at step 100 with a 3 ms delay: the synapse sees it 29 steps later (at 129, the step before its
        // target does); post fires at 151: potentiation by 22 steps of decay, not the 51 since the spike was sent.
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "15 ms", delay: "3 ms"))
        #expect(spikeSteps(result, recorder: 0) == [151])
        let expected = 0.5 + 0.01 * exp(-22 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func aSpikeStillOnItsWayCountsAsPostBeforePre() throws {
        // pre sent at step 100 with a 6 ms delay reaches the synapse at 159, after post fired at 151: the pairing
        // depresses by the postsynaptic trace 8 steps old instead of potentiating.
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "15 ms", delay: "6 ms"))
        #expect(spikeSteps(result, recorder: 0) == [151])
        let expected = 0.5 - 0.0105 * exp(-8 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func eachSynapseSeesTheSpikeAfterItsOwnDelay() throws {
        // Two sources fire at step 100 over synapses of 3 ms and 6 ms; post fires at 151 (both rows of one lag
        // each, read from the record of past steps): one synapse potentiates, the other depresses.
        let text = Self.pairing(preTime: "10 ms", teacherTime: "15 ms", pres: 2, delay: "[3 ms, 6 ms]")
        let (_, result) = try simulate(text)
        #expect(spikeSteps(result, recorder: 0) == [151])
        guard case .weights(_, _, let values) = result.recordings[1] else { throw CancellationError() }
        #expect(values.count == 2)
        #expect(abs(Double(values[0]) - (0.5 + 0.01 * exp(-22 * 0.1 / 20))) < 1e-6, "\(values)")
        #expect(abs(Double(values[1]) - (0.5 - 0.0105 * exp(-8 * 0.1 / 20))) < 1e-6, "\(values)")
    }

    @Test func threadCountDoesNotChangeLearnedWeights() throws {
        let text = """
            input s = poisson(rate = 40 Hz)[200]
            population p = lif(tau_m = 10 ms)[64]
            connect s -> p: random(p = 0.3) on spike { v += w * 4 mV }
              learn stdp(w_max = 1)
            record weights of s -> p
            simulate 300 ms
            """
        let (_, one) = try simulate(text, threads: 1)
        let (_, three) = try simulate(text, threads: 3)
        guard case .weights(_, _, let a) = one.recordings[0], case .weights(_, _, let b) = three.recordings[0] else {
            Issue.record("no weights")
            return
        }
        #expect(a == b)
        let (plan, _) = try simulate(text)
        #expect(a != plan.projections[0].weights, "the weights learned nothing")
    }

    /// Weights are normalised once per sample, before its first presentation (boosted repeats learn on from
    /// there): a silent target sees the sample 10 times (2 regular spikes per source each), each pre spike adds
    /// 0.01, so each of its 4 weights ends at 1/4 + 10 · 2 · 0.01 = 0.45 (0.27 if every repeat were normalised).
    @Test func weightsAreNormalisedOncePerSample() throws {
        let text = """
            dataset iris = csv("iris.csv", label = species, normalize = minmax)
            input x = regular(rate = iris.features * 0 Hz + 100 Hz)
            population out = lif(tau_m = 10 ms, v_th = 10 V)[2]
            rule grow {
              synaptic w = 0
              on pre { w = w + 0.01 }
            }
            connect x -> out: all_to_all, weight = 0.5
              learn grow
              normalize incoming to 1
              on spike { v += w * 1 mV }
            train on iris, epochs = 1, samples = 1, dt = 1 ms {
              present 20 ms, rest 10 ms
              boost input rate by 0 Hz while spike_count(out) < 1
            }
            record weights of x -> out
            """
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try experiment(text, folder: folder)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.trainings.map(\.extraPresentations) == [9])
        #expect(result.run.sourceSpikeCounts[0] == [20, 20, 20, 20])
        guard case .weights(_, _, let values) = result.run.recordings[0] else {
            Issue.record("no weight recording")
            return
        }
        #expect(values.count == 8 && values.allSatisfy { abs($0 - 0.45) < 1e-6 }, "\(values)")
    }

    /// A whole unsupervised experiment — per-synapse delays, normalisation, boosting, training with batched rows and
    /// columns, label assignment, voting, saved weights — gives the same spikes, labels, predictions and weights on
    /// 1 and 3 worker threads (each of the 3 owns one block of 16 excitatory neurons).
    @Test func threadCountDoesNotChangeAWholeExperiment() throws {
        let text = """
            dataset iris = csv("iris.csv", label = species, normalize = minmax)
            split iris: train 80%, test 20%, shuffle, seed = 7
            input rates = poisson(rate = iris.features * 300 Hz)
            population exc = diehl_cook_exc[48]
            population inh = diehl_cook_inh[48]
            connect rates -> exc: all_to_all, weight = uniform(0, 0.3), delay = uniform(1 ms, 5 ms)
              learn stdp(a_pre = 0.01, a_post = -0.0001, tau_pre = 20 ms, tau_post = 20 ms, w_max = 1)
              normalize incoming to 0.4
              on spike { ge += w }
            connect exc -> inh: one_to_one, weight = 10.4 on spike { ge += w }
            connect inh -> exc: all_but_self, weight = 17.0 on spike { gi += w }
            train on iris.train, epochs = 1, samples = 16, dt = 0.5 ms {
              present 60 ms, rest 20 ms
              boost input rate by 100 Hz while spike_count(exc) < 3
            }
            assign labels by mean response of exc
            evaluate on iris.test, samples = 10, dt = 0.5 ms { predict = vote(spike_count(exc)) }
            save weights of rates -> exc to "w.snnw"
            """
        var runs: [(ExperimentResult, Data)] = []
        for threads in [1, 3] {
            let folder = try ExperimentTests.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try experiment(text, folder: folder, threads: threads)
            #expect(result.failure == nil, "\(result.failure ?? "")")
            #expect(result.run.threads == threads)
            runs.append((result, try Data(contentsOf: folder.appendingPathComponent("w.snnw"))))
        }
        let (one, oneWeights) = runs[0], (three, threeWeights) = runs[1]
        #expect(one.run.populationSpikeCounts == three.run.populationSpikeCounts)
        #expect(one.run.populationSpikeCounts[0].reduce(0, +) > 0, "the excitatory neurons never fired")
        #expect(one.trainings.map(\.extraPresentations) == three.trainings.map(\.extraPresentations))
        #expect(one.assignments.map(\.labels) == three.assignments.map(\.labels))
        #expect(one.evaluations.map(\.confusion) == three.evaluations.map(\.confusion))
        #expect(oneWeights == threeWeights)
    }
}
