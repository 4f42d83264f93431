// AdamOptimizer: Adam (Kingma & Ba 2015) over every layer's weights and biases, with bias-corrected moments.

import Foundation
import SNNPlan

struct AdamOptimizer {
    let settings: AdamSettings
    private var first: SurrogateGradients
    private var second: SurrogateGradients
    private var t = 0

    init(_ layers: [GradientLayer], settings: AdamSettings) {
        self.settings = settings
        first = SurrogateGradients(layers)
        second = SurrogateGradients(layers)
    }

    /// Applies `gradients` × `scale` (1 / batch size) to the layers.
    mutating func step(_ layers: inout [GradientLayer], _ gradients: SurrogateGradients, scale: Float) {
        t += 1
        let (b1, b2, eps) = (settings.beta1, settings.beta2, settings.epsilon)
        let rate = settings.learningRate * Float((1 - pow(Double(b2), Double(t))).squareRoot() / (1 - pow(Double(b1), Double(t))))
        func update(_ value: inout Float, _ g: Float, _ m: inout Float, _ v: inout Float) {
            let gradient = g * scale
            m = b1 * m + (1 - b1) * gradient
            v = b2 * v + (1 - b2) * gradient * gradient
            value -= rate * m / (v.squareRoot() + eps)
        }
        for l in layers.indices {
            for k in layers[l].weights.indices {
                update(&layers[l].weights[k], gradients.weights[l][k], &first.weights[l][k], &second.weights[l][k])
            }
            for j in layers[l].bias.indices {
                update(&layers[l].bias[j], gradients.biases[l][j], &first.biases[l][j], &second.biases[l][j])
            }
        }
    }
}
