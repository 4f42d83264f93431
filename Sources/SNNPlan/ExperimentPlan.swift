// ExperimentPlan: the learning experiment as plain data — the samples of every dataset part the experiment
// presents, the encoders that turn a sample into spikes, and the ordered steps: simulate, train, assign labels,
// evaluate, save, load. A presentation shows each sample for `presentSteps` with its encoders on, then
// `restSteps` with them silent; readouts (spike counts of a population, argmax or vote) give the prediction.
// A phase may freeze buffers (`freeze theta of exc`): they keep their value from its start to its end.

public struct SampleSet: Sendable {
    /// `iris.train`, `mnist`.
    public var name: String
    public var featureShape: [Int]
    /// `count × featureCount` values, row-major.
    public var features: [Float]
    /// One class index per sample.
    public var labels: [Int32]
    public var classNames: [String]

    public init(name: String, featureShape: [Int], features: [Float], labels: [Int32], classNames: [String]) {
        self.name = name
        self.featureShape = featureShape
        self.features = features
        self.labels = labels
        self.classNames = classNames
    }

    public var featureCount: Int { featureShape.reduce(1, *) }
    public var count: Int { labels.count }
    public var classCount: Int { classNames.count }
}

/// How a prediction is read from the network after a presentation.
public enum ReadoutPlan: Sendable, Equatable {
    /// The neuron of `population` with the most spikes (ties: the lowest index); its index is the class.
    case argmaxCount(population: Int)
    /// The class whose assigned neurons of `population` have the highest mean spike count (`assign labels`).
    case vote(population: Int)
    /// The neuron with the highest mean membrane potential (read by gradient-trained networks).
    case argmaxMembrane(population: Int)

    public var population: Int {
        switch self {
        case .argmaxCount(let p), .vote(let p), .argmaxMembrane(let p): return p
        }
    }
}

/// `boost input rate by amount while spike_count(population) < minimumSpikes`: the sample is shown again, after
/// a rest, with every rate-coded input's rate at feature 1 raised by `amount` Hz more each time.
public struct BoostPlan: Sendable, Equatable {
    public var amount: Double
    public var population: Int
    public var minimumSpikes: Int
    /// Shown at most this many times in all.
    public var maximumPresentations: Int

    public init(amount: Double, population: Int, minimumSpikes: Int, maximumPresentations: Int = 10) {
        self.amount = amount
        self.population = population
        self.minimumSpikes = minimumSpikes
        self.maximumPresentations = maximumPresentations
    }
}

public struct PresentationPlan: Sendable, Equatable {
    /// Index in `ExperimentPlan.sampleSets`.
    public var sampleSet: Int
    public var epochs: Int
    /// At most this many samples per epoch (all when nil).
    public var samples: Int?
    public var presentSteps: Int
    public var restSteps: Int

    public init(sampleSet: Int, epochs: Int, samples: Int?, presentSteps: Int, restSteps: Int) {
        self.sampleSet = sampleSet
        self.epochs = epochs
        self.samples = samples
        self.presentSteps = presentSteps
        self.restSteps = restSteps
    }
}

/// `freeze theta of exc`: a state buffer of a population that keeps, for a whole phase, the value it had when the
/// phase began — its stores and its synaptic input are skipped.
public struct FrozenBuffer: Sendable, Hashable {
    public var population: Int
    public var buffer: Int

    public init(population: Int, buffer: Int) {
        self.population = population
        self.buffer = buffer
    }
}

public struct TrainPlan: Sendable, Equatable {
    public var presentation: PresentationPlan
    public var reward: RewardPlan?
    public var boost: BoostPlan?
    /// The readout used to report the running training accuracy (the reward's, or `predict = …`).
    public var predict: ReadoutPlan?
    /// Populations whose responses per class are collected in the last epoch for `assign labels`.
    public var responses: [Int]
    /// `target = label`: the teacher of the bp_stdp output layer (see SupervisedPlan).
    public var teacher: TeacherPlan?
    public var frozen: [FrozenBuffer]

    public init(presentation: PresentationPlan, reward: RewardPlan? = nil, boost: BoostPlan? = nil,
                predict: ReadoutPlan? = nil, responses: [Int] = [], teacher: TeacherPlan? = nil,
                frozen: [FrozenBuffer] = []) {
        self.presentation = presentation
        self.reward = reward
        self.boost = boost
        self.predict = predict
        self.responses = responses
        self.teacher = teacher
        self.frozen = frozen
    }
}

public struct EvaluatePlan: Sendable, Equatable {
    public var presentation: PresentationPlan
    public var predict: ReadoutPlan
    /// The last `train`'s boost, applied while testing too (as Diehl & Cook's code does).
    public var boost: BoostPlan?
    /// For a membrane readout of weights not trained in this run (`load`): the chain of layers to run, with the
    /// network's current weights, as gradient training would.
    public var network: GradientTrainPlan?
    public var frozen: [FrozenBuffer]

    public init(presentation: PresentationPlan, predict: ReadoutPlan, boost: BoostPlan? = nil,
                network: GradientTrainPlan? = nil, frozen: [FrozenBuffer] = []) {
        self.presentation = presentation
        self.predict = predict
        self.boost = boost
        self.network = network
        self.frozen = frozen
    }
}

/// `assign labels by mean response of P`: each neuron of `population` gets the class of its highest mean spike
/// count — over the last epoch of the train before it, or over a labelling pass of its own (`on D { … }`).
public struct LabelPlan: Sendable, Equatable {
    public var population: Int
    public var pass: LabelPassPlan?

    public init(population: Int, pass: LabelPassPlan? = nil) {
        self.population = population
        self.pass = pass
    }
}

/// `assign labels … on D, samples = N { present …, rest …, freeze … }`: the samples presented with learning off, as
/// `evaluate` presents them (the last train's boost included), the responses summed per class.
public struct LabelPassPlan: Sendable, Equatable {
    public var presentation: PresentationPlan
    public var boost: BoostPlan?
    public var frozen: [FrozenBuffer]

    public init(presentation: PresentationPlan, boost: BoostPlan? = nil, frozen: [FrozenBuffer] = []) {
        self.presentation = presentation
        self.boost = boost
        self.frozen = frozen
    }
}

/// `save weights of a -> b to "file"` / `load …`: the projections (all learning ones when the statement names none).
public struct TransferPlan: Sendable, Equatable {
    public var path: String
    public var projections: [Int]

    public init(path: String, projections: [Int]) {
        self.path = path
        self.projections = projections
    }
}

public enum ExperimentStep: Sendable, Equatable {
    case simulate(steps: Int)
    case train(TrainPlan)
    case trainGradient(GradientTrainPlan)
    case assignLabels(LabelPlan)
    case evaluate(EvaluatePlan)
    case save(TransferPlan)
    case load(TransferPlan)
}

public struct ExperimentPlan: Sendable {
    public var sampleSets: [SampleSet]
    public var encoders: [EncoderPlan]
    public var steps: [ExperimentStep]
    /// The model's identity for saved weights: a hash of its projections' names, sizes and rules.
    public var modelHash: UInt64

    public init(sampleSets: [SampleSet], encoders: [EncoderPlan], steps: [ExperimentStep], modelHash: UInt64) {
        self.sampleSets = sampleSets
        self.encoders = encoders
        self.steps = steps
        self.modelHash = modelHash
    }
}
