// Golden fixtures of the checker: every file in Fixtures/ states the diagnostics it must produce in comment
// lines `#? LINE:COL: severity: MESSAGE [CODE]`, checked both ways — each expected line is produced and nothing
// else is. Every checker code has at least one fixture, and there are at least 150 error fixtures.

import SNNSema
import Testing

@Suite struct SemaFixtureTests {
    @Test(arguments: SemaFixtures.names)
    func producesExactlyTheExpectedDiagnostics(_ name: String) {
        let text = SemaFixtures.text(name)
        let expected = SemaFixtures.expectations(text)
        let produced = SemaFixtures.produced(text)
        for line in expected where !produced.contains(line) {
            Issue.record("\(name): expected but not produced:\n  \(line)\nproduced:\n  \(produced.joined(separator: "\n  "))")
        }
        for line in produced where !expected.contains(line) {
            Issue.record("\(name): produced but not expected:\n  #? \(line)")
        }
        #expect(!expected.isEmpty, "\(name) expects no diagnostic; a fixture shows a mistake")
    }

    @Test func everyCheckerCodeHasAFixture() {
        let all = SemaFixtures.names.flatMap { SemaFixtures.expectations(SemaFixtures.text($0)) }.joined(separator: "\n")
        for code in SemaCode.allCases {
            #expect(all.contains("[\(code.rawValue)]"), "no fixture exercises \(code.rawValue) (\(code.summary))")
        }
    }

    @Test func thereAreAtLeast150ErrorFixtures() {
        let withErrors = SemaFixtures.names.filter { name in
            SemaFixtures.expectations(SemaFixtures.text(name)).contains { $0.contains(": error: ") }
        }
        #expect(withErrors.count >= 150)
    }
}
