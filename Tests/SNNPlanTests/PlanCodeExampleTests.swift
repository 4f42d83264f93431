// The examples of `snnc explain` for the planner's codes: each wrong example checks clean and plans with its
// code; each right example plans without diagnostics.

import Testing
@testable import SNNPlan

@Suite struct PlanCodeExampleTests {
    @Test(arguments: PlanCode.allCases)
    func examples(_ code: PlanCode) {
        let explanation = code.explanation
        let wrong = PlanningFixture(explanation.wrong)
        #expect(wrong.checkerErrors.isEmpty, "\(code.rawValue) wrong: \(wrong.checkerErrors)")
        let produced = wrong.outcome(realNeurons: true).diagnostics.map(\.code.rawValue)
        #expect(produced.contains(code.rawValue), "\(code.rawValue) wrong example gives \(produced)")

        let right = PlanningFixture(explanation.right)
        #expect(right.checkerErrors.isEmpty, "\(code.rawValue) right: \(right.checkerErrors)")
        let outcome = right.outcome(realNeurons: true)
        #expect(outcome.plan != nil && outcome.diagnostics.isEmpty,
                "\(code.rawValue) right example gives \(outcome.diagnostics.map(\.message)) \(outcome.internalError ?? "")")
    }
}
