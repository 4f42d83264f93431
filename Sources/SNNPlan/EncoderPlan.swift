// EncoderPlan: how an `input` turns one dataset sample into spikes (or a current) while the sample is presented
// by `train` or `evaluate`. The value encoded for source i is `value = feature · scale + offset` in SI units
// (Hz for rates, A for currents) for the rate and current encoders; the temporal encoders (latency, rank order,
// Gaussian receptive fields, difference of Gaussians) read the features as they are (normalised to [0, 1] by
// the dataset, or over the dataset's range for receptive fields). The runtime's SampleEncoder implements them.

public struct EncoderPlan: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Independent Poisson trains at `value` Hz (a spike per step with probability value·dt).
        case poisson
        /// The same draw as `poisson`, written for rates where value·dt is read as a probability (BP-STDP).
        case bernoulli
        /// Regular trains at `value` Hz, the first spike at step 0.
        case regular
        /// Time to first spike: one spike at step round(latestSteps · (1 − x)) for x in (0, 1] (x > 1 counts as 1),
        /// none for x ≤ 0.
        case latency(latestSteps: Int)
        /// Rank order: the n sources with x > 0, sorted by decreasing x (equal values by index), fire one by one,
        /// rank k at step round(k · latestSteps / (n − 1)) (a lone one at step 0); sources with x ≤ 0 stay silent.
        case rankOrder(latestSteps: Int)
        /// Gaussian receptive fields (Bohte, Kok & La Poutré 2002): `count` fields per feature over
        /// [low[f], high[f]]; field i has centre low + (2i − 3)/2 · (high − low)/(count − 2) and width
        /// (high − low)/(width · (count − 2)); response a = exp(−(x − μ)²/(2σ²)); one spike at
        /// round(latestSteps · (1 − a)), none when a < 0.1 (`minimumResponse`). Field i = 1…count of
        /// feature f is source f·count + i − 1; `low` and `high` hold one bound per feature.
        case gaussianFields(count: Int, width: Double, latestSteps: Int, low: [Float], high: [Float],
                            minimumResponse: Float)
        /// Difference-of-Gaussians filtering of an image of `height` × `width` (centre and surround sigmas
        /// in pixels): two sources per pixel, on-centre (2p) and off-centre (2p + 1), each the positive part of
        /// the filter response (normalised so the largest response of the sample is 1; below 10⁻⁶ it is rounding
        /// noise of a flat area and counts as 0), then coded by latency (`latestSteps`) or as Poisson rates (up to
        /// `maximumRate` Hz). Both kernels are normalised over a window of radius ceil(3 · surround), the image
        /// padded with zeros.
        case differenceOfGaussians(height: Int, width: Int, center: Double, surround: Double, latency: Bool,
                                   maximumRate: Double, latestSteps: Int)
        /// A constant current of `value` A into the targets while the sample is shown (not a spike source).
        case current
    }

    /// The `SourcePlan` (by index in `ExecutionPlan.sources`) whose spikes this encoder writes.
    public var source: Int
    public var kind: Kind
    /// Features of one sample (the source count may differ: 2 per pixel for DoG, `count` per feature for fields).
    public var featureCount: Int
    /// `value = feature · scale + offset` for poisson, bernoulli, regular and current.
    public var scale: Float
    public var offset: Float

    public init(source: Int, kind: Kind, featureCount: Int, scale: Float = 1, offset: Float = 0) {
        self.source = source
        self.kind = kind
        self.featureCount = featureCount
        self.scale = scale
        self.offset = offset
    }

    /// Sources the encoder drives for one sample.
    public var sourceCount: Int {
        switch kind {
        case .gaussianFields(let count, _, _, _, _, _): return featureCount * count
        case .differenceOfGaussians(let height, let width, _, _, _, _, _): return 2 * height * width
        default: return featureCount
        }
    }
}
