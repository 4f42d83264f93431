// Tests of SNNFormat (placeholder until built).

import Testing
import SNNFormat

@Suite struct FormatterTests {
    @Test func plainTextIsKept() {
        guard case .formatted(let text) = Formatter.format("model m\n", fileName: "m.snn") else {
            Issue.record("expected a formatted file")
            return
        }
        #expect(text == "model m\n")
    }
}
