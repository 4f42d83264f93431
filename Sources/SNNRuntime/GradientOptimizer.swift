// GradientOptimizer: applies a batch's gradients to the layers — Adam (Kingma & Ba 2015, bias-corrected moments)
// or stochastic gradient descent with momentum.

import Foundation
import SNNPlan

struct GradientOptimizer {
    let settings: OptimizerSettings
    /// Adam's first and second moments, or SGD's velocity (in `first`).
    private var first: SurrogateGradients
    private var second: SurrogateGradients
    private var t = 0

    init(_ layers: [GradientLayer], settings: OptimizerSettings) {
        self.settings = settings
        first = SurrogateGradients(layers)
        second = SurrogateGradients(layers)
    }

    /// Applies `gradients` × `scale` (1 / batch size) to the layers, at the learning rate × `rate` (the schedule's
    /// factor).
    mutating func step(_ layers: inout [GradientLayer], _ gradients: SurrogateGradients, scale: Float, rate factor: Float) {
        t += 1
        let update: (inout Float, Float, inout Float, inout Float) -> Void
        switch settings {
        case .adam(let adam):
            let (b1, b2, eps) = (adam.beta1, adam.beta2, adam.epsilon)
            let rate = factor * adam.learningRate * Float((1 - pow(Double(b2), Double(t))).squareRoot() / (1 - pow(Double(b1), Double(t))))
            update = { value, g, m, v in
                let gradient = g * scale
                m = b1 * m + (1 - b1) * gradient
                v = b2 * v + (1 - b2) * gradient * gradient
                value -= rate * m / (v.squareRoot() + eps)
            }
        case .sgd(let learningRate, let momentum):
            let rate = factor * learningRate
            update = { value, g, velocity, _ in
                velocity = momentum * velocity + g * scale
                value -= rate * velocity
            }
        }
        for l in layers.indices {
            for k in layers[l].weights.indices {
                update(&layers[l].weights[k], gradients.weights[l][k], &first.weights[l][k], &second.weights[l][k])
            }
        }
    }
}
