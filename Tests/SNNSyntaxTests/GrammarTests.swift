// Grammar/snn.ebnf and docs/language.md kept true to the lexer and parser: every keyword appears in the
// grammar (and every quoted word of the grammar is a keyword), the grammar's reserved list is the lexer's,
// and every ```snn example in the language reference parses without a diagnostic.

import Foundation
import SNNSource
import SNNSyntax
import Testing

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}

@Suite struct GrammarTests {
    let grammar = Repository.text("Grammar/snn.ebnf")

    /// Words in double quotes in the grammar's rules (the lexical section, which quotes characters, excluded).
    var quotedWords: Set<String> {
        let rules = String(grammar[..<(grammar.range(of: "lexical structure")?.lowerBound ?? grammar.endIndex)])
        let pattern = try! NSRegularExpression(pattern: #""([A-Za-z_]+)""#)
        let range = NSRange(rules.startIndex..., in: rules)
        return Set(pattern.matches(in: rules, range: range).compactMap {
            Range($0.range(at: 1), in: rules).map { String(rules[$0]) }
        })
    }

    @Test func everyKeywordOfTheLexerAppearsInTheGrammar() {
        #expect(!grammar.isEmpty)
        for keyword in Keyword.allCases {
            #expect(quotedWords.contains(keyword.rawValue), "reserved keyword '\(keyword.rawValue)' missing from snn.ebnf")
        }
        for word in ContextualKeyword.allCases {
            #expect(quotedWords.contains(word.rawValue), "contextual keyword '\(word.rawValue)' missing from snn.ebnf")
        }
    }

    @Test func everyQuotedWordOfTheGrammarIsAKeyword() {
        let known = Set(Keyword.allCases.map(\.rawValue) + ContextualKeyword.allCases.map(\.rawValue))
        for word in quotedWords.sorted() where word != "word" {      // "word" names the notation itself
            #expect(known.contains(word), "snn.ebnf uses \"\(word)\", which the lexer and parser do not know")
        }
    }

    @Test func theGrammarListsExactlyTheReservedKeywords() throws {
        let start = try #require(grammar.range(of: "reserved keywords (never names):"))
        let end = try #require(grammar.range(of: "contextual keywords (names except"))
        let listed = Set(grammar[start.upperBound..<end.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(listed == Set(Keyword.allCases.map(\.rawValue)))
    }

    @Test func theGrammarListsExactlyTheContextualKeywords() throws {
        let start = try #require(grammar.range(of: "grammar above shows them):"))
        let end = try #require(grammar.range(of: "*)", range: start.upperBound..<grammar.endIndex))
        let listed = Set(grammar[start.upperBound..<end.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(listed == Set(ContextualKeyword.allCases.map(\.rawValue)))
    }
}

@Suite struct LanguageReferenceTests {
    /// The ```snn blocks of docs/language.md with the line each starts on.
    static var blocks: [(line: Int, code: String)] {
        var result: [(Int, String)] = []
        var current: [String]?
        var startLine = 0
        for (number, line) in Repository.text("docs/language.md").components(separatedBy: "\n").enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```snn" {
                current = []
                startLine = number + 2
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                result.append((startLine, current!.joined(separator: "\n")))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    @Test func theReferenceHasExamples() {
        #expect(LanguageReferenceTests.blocks.count >= 20)
    }

    @Test func everyExampleOfTheReferenceParses() {
        for (line, code) in LanguageReferenceTests.blocks {
            let file = SourceFile(id: FileID(0), path: "language.md", text: code)
            let diagnostics = Parser.parse(file).diagnostics
            #expect(diagnostics.isEmpty, "docs/language.md block at line \(line): \(diagnostics.map(\.message))")
        }
    }
}
