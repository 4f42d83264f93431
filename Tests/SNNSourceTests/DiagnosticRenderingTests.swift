// Diagnostics: the engine's ordering, one-error-per-line and cap rules, and the exact text of each renderer.

import Foundation
import SNNSource
import Testing

@Suite struct DiagnosticRenderingTests {
    let sources = SourceManager()
    let file: SourceFile

    init() {
        file = sources.add(path: "m.snn", text: "neuron lif {\n  param tau = 20 ms\n\tstate v = µ\n")
    }

    func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(file: file.id, start: start, end: end) }

    var sample: Diagnostic {
        Diagnostic(.error, DiagnosticCode("E0102"), "expected '}' to close the body of neuron 'lif'",
                   at: range(21, 24), label: "here",
                   notes: [DiagnosticNote("'{' opened here", at: range(11, 12)), DiagnosticNote("a note without place")],
                   help: "add '}'", fixIts: [FixIt(replace: range(21, 24), with: "tau_m")])
    }

    @Test func gccFormatIsOneLinePerDiagnosticPlusLocatedNotes() {
        let text = GCCRenderer().render([sample], sources: sources)
        #expect(text == """
            m.snn:2:9: error: expected '}' to close the body of neuron 'lif' [E0102]
            m.snn:1:12: note: '{' opened here

            """)
    }

    @Test func humanFormatShowsExcerptCaretsNotesHelpAndFixIts() {
        let text = HumanRenderer(colors: false).render([sample], sources: sources)
        #expect(text == """
            error[E0102]: expected '}' to close the body of neuron 'lif'
             --> m.snn:2:9
              |
            2 |   param tau = 20 ms
              |         ^^^ here
              = note: '{' opened here
             --> m.snn:1:12
              |
            1 | neuron lif {
              |            -
              = note: a note without place
              = help: add '}'
              = fix: replace `tau` with `tau_m`

            1 error generated.

            """)
    }

    @Test func humanFormatExpandsTabsAndCountsScalars() {
        let mu = Array("neuron lif {\n  param tau = 20 ms\n\tstate v = ".utf8).count
        let d = Diagnostic(.warning, DiagnosticCode("W0001"), "odd unit", at: range(mu, mu + 2))
        let text = HumanRenderer(colors: false).render([d], sources: sources)
        #expect(text.contains("3 |     state v = µ\n  |               ^\n"))
        #expect(text.contains("1 warning generated."))
    }

    @Test func humanFormatColoursOnlyWhenAsked() {
        #expect(HumanRenderer(colors: true).render([sample], sources: sources).contains("\u{1B}[1;31merror[E0102]"))
        #expect(!HumanRenderer(colors: false).render([sample], sources: sources).contains("\u{1B}"))
    }

    @Test func humanFormatWindowsVeryLongLines() {
        let long = String(repeating: "a", count: 100_000) + " oops " + String(repeating: "b", count: 100_000)
        let big = sources.add(path: "long.snn", text: long)
        let d = Diagnostic(.error, DiagnosticCode("E0001"), "bad", at: SourceRange(file: big.id, start: 100_001, end: 100_005))
        let text = HumanRenderer(colors: false).render([d], sources: sources)
        #expect(text.count < 1_000)
        #expect(text.contains("…aaa"))
        #expect(text.contains(" oops "))
    }

    @Test func jsonGivesScalarAndUTF16Positions() throws {
        let text = JSONRenderer().render([sample], sources: sources)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "E0102")
        #expect(first["file"] as? String == "m.snn")
        let start = try #require((first["range"] as? [String: Any])?["start"] as? [String: Int])
        #expect(start == ["line": 2, "column": 9, "utf16": 8, "offset": 21])
        #expect((first["fixits"] as? [[String: Any]])?.first?["replacement"] as? String == "tau_m")
        #expect((first["notes"] as? [[String: Any]])?.count == 2)
    }

    @Test func engineSortsKeepsOneErrorPerLineAndCaps() {
        var engine = DiagnosticEngine(errorLimit: 2)
        engine.emit(Diagnostic(.error, DiagnosticCode("E2"), "second line", at: range(15, 16)))
        engine.emit(Diagnostic(.error, DiagnosticCode("E1"), "first line", at: range(0, 1)))
        engine.emit(Diagnostic(.error, DiagnosticCode("E3"), "same line again", at: range(20, 21)))
        engine.emit(Diagnostic(.warning, DiagnosticCode("W1"), "warnings are kept", at: range(21, 22)))
        engine.emit(Diagnostic(.error, DiagnosticCode("E4"), "third line", at: range(33, 34)))
        let messages = engine.finalized(using: sources).map(\.message)
        #expect(messages == ["first line", "second line", "warnings are kept", "1 more error not shown (limit 2)"])
    }
}
