// `snnc explain` material: every checker code's wrong example produces that code, and its right example checks
// with no diagnostic at all, warnings included (through the same front end and dataset table as the fixtures).

import SNNSema
import Testing

@Suite struct SemaExplanationTests {
    /// The codes of what `snnc check` reports for an example, prelude diagnostics included.
    func codes(_ example: String) -> [String] {
        SemaFixtures.produced(example).compactMap { line in
            guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        }
    }

    @Test(arguments: SemaCode.allCases)
    func wrongExampleProducesTheCodeAndRightExampleIsClean(_ code: SemaCode) {
        let explanation = code.explanation
        #expect(codes(explanation.wrong).contains(code.rawValue),
                "wrong example of \(code.rawValue): \(SemaFixtures.produced(explanation.wrong))")
        #expect(SemaFixtures.produced(explanation.right).isEmpty,
                "right example of \(code.rawValue): \(SemaFixtures.produced(explanation.right))")
        #expect(explanation.text.count > 40)
    }
}
