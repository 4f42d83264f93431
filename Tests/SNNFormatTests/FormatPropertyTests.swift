// The formatter's two promises on real files: formatting twice changes nothing more (idempotence), and the
// formatted file parses to the same syntax tree, doc comments included (meaning preservation) — on every
// example, the prelude, the snippets of docs/language.md and mutated copies of the examples that still parse.

import SNNFormat
import SNNSource
import SNNSyntax
import Testing

/// The syntax tree of `text` without source ranges, or nil when it has syntax errors.
func syntaxTree(_ text: String) -> String? {
    let file = SourceFile(id: FileID(0), path: "t.snn", text: text)
    let parsed = Parser.parse(file)
    guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
    return ASTDumper(file: file, includeRanges: false).dump(parsed.syntax)
}

/// Records an issue unless formatting `text` is idempotent and keeps its syntax tree; returns the formatted text.
@discardableResult
func checkFormatProperties(_ text: String, _ name: String) -> String? {
    guard case .formatted(let once) = Formatter.format(text, fileName: name) else {
        Issue.record("\(name): not formatted")
        return nil
    }
    guard case .formatted(let twice) = Formatter.format(once, fileName: name) else {
        Issue.record("\(name): the formatted text has syntax errors:\n\(once)")
        return nil
    }
    #expect(once == twice, "\(name): formatting is not idempotent:\n\(once)\n---\n\(twice)")
    #expect(syntaxTree(once) == syntaxTree(text), "\(name): formatting changed the syntax tree:\n\(text)\n---\n\(once)")
    return once
}

@Suite struct FormatPropertyTests {
    @Test func examples() {
        #expect(RepositorySources.examples.count >= 10)
        for (name, text) in RepositorySources.examples { checkFormatProperties(text, name) }
    }

    /// The examples are kept in the canonical layout, so `snnc fmt --check Examples/*.snn` passes.
    @Test func examplesAreInCanonicalLayout() {
        for (name, text) in RepositorySources.examples {
            guard case .formatted(let formatted) = Formatter.format(text, fileName: name) else { continue }
            #expect(formatted == text, "\(name) is not in canonical layout: run `snnc fmt \(name)`")
        }
    }

    @Test func prelude() {
        #expect(RepositorySources.prelude.count >= 7)
        for (name, text) in RepositorySources.prelude { checkFormatProperties(text, name) }
    }

    @Test func documentationSnippets() {
        #expect(RepositorySources.documentation.count >= 30)
        for (name, text) in RepositorySources.documentation { checkFormatProperties(text, name) }
    }

    @Test func mutatedExamples() {
        var rng = SplitMix64(state: 0xF0F0)
        var parseable = 0
        for (name, text) in RepositorySources.examples {
            let bytes = Array(text.utf8)
            let file = SourceFile(id: FileID(0), path: name, bytes: bytes)
            let tokens = Lexer.lex(file).tokens.map { $0.range.startOffset..<$0.range.endOffset }
            for round in 0..<100 {
                let mutated = String(decoding: Mutator.mutate(bytes, tokens: tokens, rng: &rng), as: UTF8.self)
                guard syntaxTree(mutated) != nil else { continue }
                parseable += 1
                checkFormatProperties(mutated, "\(name)#\(round)")
            }
        }
        #expect(parseable >= 300)
    }
}
