// The notes and fix-its of parser diagnostics, which the golden fixtures (position and message only) do not
// show: where an unclosed block's `{` and the `}` taken for it are, and what the fix-its insert or remove.

import SNNSource
import SNNSyntax
import Testing

/// The text's diagnostics with each note's and fix-it's position as `line:col`.
private func details(_ text: String) -> [(code: String, notes: [String], fixIts: [String])] {
    let (parsed, file) = parse(text)
    func at(_ range: SourceRange?) -> String {
        guard let range else { return "-" }
        let position = file.position(of: range.startOffset)
        return "\(position.line):\(position.column)"
    }
    return parsed.diagnostics.map { d in
        (d.code.rawValue, d.notes.map { "\(at($0.range)) \($0.message)" },
         d.fixIts.map { "\(at($0.range)) \(file.text(in: $0.range.startOffset..<$0.range.endOffset))->\($0.replacement)" })
    }
}

@Suite struct DiagnosticDetailTests {
    @Test func anIfThatLostItsBraceIsFoundByIndentation() throws {
        let text = "rule r {\n  on pre {\n    if a {\n      w = 1\n  }\n  on post { w += 1 }\n}\n"
        let found = details(text)
        try #require(found.count == 1)
        #expect(found[0].code == "E0102")
        #expect(found[0].notes == ["3:10 '{' opened here",
                                   "5:3 this '}' lines up with an enclosing block and seems meant to close it"])
        #expect(found[0].fixIts == ["4:12 ->}"])
    }

    @Test func balancedBracesWithLooseIndentationAreFine() {
        let text = "rule r {\n  on pre {\n    if a {\n      w = 1\n  }\n  }\n  on post { w += 1 }\n}\n"
        #expect(details(text).isEmpty)
        let flat = "rule r {\non pre {\nif a {\nw = 1\n}\n}\non post { w += 1 }\n}\n"
        #expect(details(flat).isEmpty)
    }

    @Test func strayClosersAreRemovedOrReplaced() {
        #expect(details("const x = (1 + 2))").map(\.fixIts) == [["1:18 )->"]])
        let mismatched = details("const x = (1 + 2]")
        #expect(mismatched.map(\.fixIts) == [["1:17 ]->)"]])
        #expect(mismatched.map(\.notes) == [["1:11 '(' opened here"]])
    }

    @Test func missingCommasAndTrailingCommasHaveFixIts() {
        #expect(details("connect a -> b: all_to_all weight = 2").map(\.fixIts) == [["1:27 ->,"]])
        #expect(details("connect a -> b: all_to_all, weight = 2 delay = 1 ms").map(\.fixIts) == [["1:39 ->,"]])
        #expect(details("neuron n {\n  reset v = 0,\n  refractory 2 ms\n}").map(\.fixIts) == [["2:14 ,->"]])
        #expect(details("train on d { boost rate by 2 while x }").map(\.fixIts) == [["1:20 ->input "]])
    }

    @Test func lookalikeSpacesAndQuotesAreReplaced() {
        #expect(details("const a\u{00A0}= 1").map(\.fixIts) == [["1:8 \u{00A0}-> "]])
        #expect(details("const a = \u{201C}x\u{201D}").map(\.fixIts) == [["1:11 \u{201C}->\""], ["1:13 \u{201D}->\""]])
    }

    @Test func aResetContinuedByAnAssignmentOnTheNextLineIsFine() {
        #expect(details("neuron n {\n  reset v = 0,\n        u += 1\n  refractory 2 ms\n}").isEmpty)
        #expect(details("neuron n {\n  reset v = 0,\n        post.u += 1\n}").isEmpty)
    }
}
