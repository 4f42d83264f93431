// Lexer: token kinds and texts for every lexical form of the language, and diagnostics that let lexing go on.

import SNNSource
@testable import SNNSyntax
import Testing

func lex(_ text: String) -> LexedFile {
    Lexer.lex(SourceFile(id: FileID(0), path: "t.snn", text: text))
}

/// `kind:text` for each token except the trailing newline and end of file.
func tokens(_ text: String) -> [String] {
    lex(text).tokens.filter { $0.kind != .endOfFile }.dropLast().map { token in
        switch token.kind {
        case .identifier: return "id:\(token.text)"
        case .keyword(let keyword): return "kw:\(keyword.rawValue)"
        case .number: return "num:\(token.text)"
        case .unit: return "unit:\(token.text)"
        case .string: return "str:\(token.text)"
        case .derivative: return "d:\(token.text)"
        case .newline: return "nl"
        default: return token.kind.spelling
        }
    }
}

func codes(_ text: String) -> [String] { lex(text).diagnostics.map(\.code.rawValue) }

@Suite struct LexerTests {
    @Test func quantitiesCarryTheirUnit() {
        #expect(tokens("20 ms") == ["num:20", "unit:ms"])
        #expect(tokens("-65 mV") == ["-", "num:65", "unit:mV"])
        #expect(tokens("1.5e-3 uS") == ["num:1.5e-3", "unit:uS"])
        #expect(tokens("2 mV/ms") == ["num:2", "unit:mV/ms"])
        #expect(tokens("120 mS/cm^2") == ["num:120", "unit:mS/cm^2"])
        #expect(tokens("3 µS") == ["num:3", "unit:µS"])
        #expect(tokens("80%") == ["num:80", "unit:%"])
        #expect(tokens("60_000") == ["num:60000"])
    }

    @Test func aKeywordOrSpacedOperatorAfterANumberIsNotAUnit() {
        #expect(tokens("10.4 on spike") == ["num:10.4", "kw:on", "id:spike"])
        #expect(tokens("2 mV / ms") == ["num:2", "unit:mV", "/", "id:ms"])
        #expect(tokens("0..99") == ["num:0", "..", "num:99"])
        #expect(tokens("x * 2") == ["id:x", "*", "num:2"])
    }

    @Test func derivatives() {
        #expect(tokens("dv/dt = -v") == ["d:v", "=", "-", "id:v"])
        #expect(tokens("dx_pre/dt") == ["d:x_pre"])
        #expect(tokens("dv/dtx") == ["id:dv", "/", "id:dtx"])
        #expect(tokens("dv / dt") == ["id:dv", "/", "id:dt"])
    }

    @Test func keywordsContextualWordsAndIdentifiers() {
        #expect(tokens("neuron spike reset tau_m") == ["kw:neuron", "id:spike", "id:reset", "id:tau_m"])
        for keyword in Keyword.allCases {
            #expect(tokens(keyword.rawValue) == ["kw:\(keyword.rawValue)"])
        }
    }

    @Test func operators() {
        #expect(tokens("-> += -= *= /= == != <= >= < > ^ .. . , ; : ( ) [ ] { }")
                == ["->", "+=", "-=", "*=", "/=", "==", "!=", "<=", ">=", "<", ">", "^", "..", ".", ",", ";", ":",
                    "(", ")", "[", "]", "{", "}"])
    }

    @Test func stringsDecodeEscapes() {
        #expect(tokens(#""a\"b\\c\n\u{00B5}""#) == ["str:a\"b\\c\nµ"])
        #expect(codes(#""bad \q escape""#) == ["E0005"])
        #expect(codes(#""\u{110000}""#) == ["E0005"])
    }

    @Test func unterminatedStringEndsAtTheLineAndLexingGoesOn() {
        let lexed = lex("x = \"abc\ny = 1")
        #expect(lexed.diagnostics.map(\.code.rawValue) == ["E0003"])
        #expect(tokens("x = \"abc\ny = 1") == ["id:x", "=", "str:abc", "nl", "id:y", "=", "num:1"])
    }

    @Test func commentsAreKeptBesideTheTokens() {
        let lexed = lex("## doc\n# plain\nx #[ block #[ nested ]# ]# y\n")
        #expect(lexed.comments.map(\.text) == ["doc", "plain", "block #[ nested ]#"])
        #expect(lexed.comments.map(\.kind) == [.doc, .line, .block])
        #expect(tokens("x #[ a ]# y") == ["id:x", "id:y"])
        #expect(tokens("x #[ a\n b ]# y") == ["id:x", "nl", "id:y"])
        #expect(codes("x #[ never closed\n y") == ["E0004"])
    }

    @Test func newlinesCollapseAndLeadingOnesVanish() {
        #expect(tokens("\n\n a \n\n # c\n b") == ["id:a", "nl", "id:b"])
    }

    @Test func malformedNumbersAreReportedAndStillYieldANumber() {
        #expect(codes("1e") == ["E0006"])
        #expect(codes("1e+") == ["E0006"])
        #expect(codes("1__0") == ["E0006"])
        #expect(codes("x = .5") == ["E0006"])
        #expect(tokens("x = .5") == ["id:x", "=", "num:0.5"])
        #expect(codes("1e999") == ["E0007"])
        #expect(tokens("1em") == ["num:1", "unit:em"])
    }

    @Test func operatorsFromOtherLanguagesBecomeTheirSnnEquivalent() {
        #expect(tokens("a && b || !c ** 2") == ["id:a", "kw:and", "id:b", "kw:or", "kw:not", "id:c", "^", "num:2"])
        #expect(codes("a && b") == ["E0008"])
        #expect(codes("x // note") == ["E0008"])
        #expect(tokens("x // note") == ["id:x"])
    }

    @Test func lookalikesAndBadCharacters() {
        #expect(tokens("a → b ≤ c") == ["id:a", "->", "id:b", "<=", "id:c"])
        #expect(codes("a → b") == ["E0009"])
        #expect(codes("a $ b") == ["E0001"])
        #expect(codes("a @ b ` c") == ["E0001", "E0001"])
        #expect(codes("a & b | c") == ["E0001", "E0001"])
        #expect(lex("x $$$$ y").diagnostics.map(\.message) == ["unexpected characters '$$$$'"])
        #expect(codes("x = 'a'") == ["E0001", "E0001"])
    }

    @Test func invalidUTF8IsOneDiagnosticPerRun() {
        var bytes = Array("x = ".utf8)
        bytes += [0xFF, 0xFE, 0xC3]
        bytes += Array(" y".utf8)
        let lexed = Lexer.lex(SourceFile(id: FileID(0), path: "b.snn", bytes: bytes))
        #expect(lexed.diagnostics.map(\.code.rawValue) == ["E0002"])
        #expect(lexed.tokens.map(\.text).contains("y"))
    }

    @Test func aByteOrderMarkIsSkipped() {
        let lexed = Lexer.lex(SourceFile(id: FileID(0), path: "bom.snn", bytes: [0xEF, 0xBB, 0xBF] + Array("x".utf8)))
        #expect(lexed.diagnostics.isEmpty)
        #expect(lexed.tokens.first?.text == "x")
    }

    @Test func tokenRangesPointAtTheSource() {
        let lexed = lex("population exc = lif[10]")
        let exc = lexed.tokens[1]
        #expect(exc.range.startOffset == 11 && exc.range.endOffset == 14)
    }
}
