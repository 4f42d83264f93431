// Lexer: turns a SourceFile into tokens, comments and diagnostics in one linear pass. It never fails:
// every problem becomes a diagnostic and lexing goes on (an operator from another language still yields the
// token it meant, so the parser sees what the user intended). Literals and comments are in LexerLiterals.swift.

import SNNSource

public struct LexedFile: Sendable {
    public var tokens: [Token]
    public var comments: [Comment]
    public var diagnostics: [Diagnostic]
}

public struct Lexer {
    let file: SourceFile
    let bytes: [UInt8]
    var index = 0
    var tokens: [Token] = []
    var comments: [Comment] = []
    var diagnostics: [Diagnostic] = []

    public static func lex(_ file: SourceFile) -> LexedFile {
        var lexer = Lexer(file: file)
        lexer.run()
        return LexedFile(tokens: lexer.tokens, comments: lexer.comments, diagnostics: lexer.diagnostics)
    }

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        tokens.reserveCapacity(bytes.count / 4)
    }

    mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }   // a UTF-8 byte-order mark is not content
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                index += 1
            case UInt8(ascii: "\n"):
                addNewline(at: index)
                index += 1
            case UInt8(ascii: "#"):
                lexComment()
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case _ where isIdentifierStart(at: index):
                lexIdentifier()
            case 0x80...:
                lexNonASCII()
            default:
                lexPunctuation()
            }
        }
        if !tokens.isEmpty, tokens[tokens.count - 1].kind != .newline { addNewline(at: bytes.count) }
        add(.endOfFile, bytes.count, bytes.count)
    }

    // MARK: - Emitting

    func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(file: file.id, start: start, end: end) }

    mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int, _ text: String = "") {
        tokens.append(Token(kind, range(start, end), text))
    }

    mutating func addNewline(at offset: Int) {
        // Separators collapse; a file's leading blank lines produce none.
        guard let last = tokens.last, last.kind != .newline else { return }
        add(.newline, offset, min(offset + 1, bytes.count))
    }

    /// Past this many problems a file is not a model (a binary, say); more diagnostics would only cost memory.
    static let diagnosticLimit = 1_000

    mutating func report(_ code: SyntaxCode, _ message: String, _ start: Int, _ end: Int,
                         help: String? = nil, fixIts: [FixIt] = [], notes: [DiagnosticNote] = []) {
        guard diagnostics.count < Lexer.diagnosticLimit else { return }
        diagnostics.append(Diagnostic(.error, code.code, message, at: range(start, end),
                                      notes: notes, help: help, fixIts: fixIts))
    }

    // MARK: - Identifiers, keywords, derivatives

    mutating func lexIdentifier() {
        let start = index
        let end = identifierEnd(from: index)
        index = end
        if matches("/dt", at: end), !isIdentifierContinue(at: end + 3), let variable = derivativeVariable(start, end) {
            index = end + 3
            add(.derivative, start, index, variable)
        } else if let keyword = keyword(from: start, to: end) {
            add(.keyword(keyword), start, end, keyword.rawValue)
        } else {
            add(.identifier, start, end, file.text(in: start..<end))
        }
    }

    /// `v` when the word `start..<end` before a `/dt` is `dv`: a `d` and at least one more character (characters
    /// as a user sees them, so a word with non-ASCII letters is read as a String).
    func derivativeVariable(_ start: Int, _ end: Int) -> String? {
        if bytes[start..<end].allSatisfy({ $0 < 0x80 }) {
            return end - start >= 2 && bytes[start] == UInt8(ascii: "d") ? file.text(in: (start + 1)..<end) : nil
        }
        let word = file.text(in: start..<end)
        return word.count >= 2 && word.hasPrefix("d") ? String(word.dropFirst()) : nil
    }

    /// The reserved keyword spelt by the bytes `start..<end`, if any.
    func keyword(from start: Int, to end: Int) -> Keyword? {
        bytes.withUnsafeBufferPointer { Keyword.named(utf8: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The end of the identifier that starts at `offset` (ASCII characters are read without decoding).
    func identifierEnd(from offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var end = offset
            while end < buffer.count {
                if buffer[end] < 0x80 {
                    guard isASCIIIdentifierByte(buffer[end]) else { break }
                    end += 1
                } else {
                    guard isIdentifierStart(at: end) else { break }
                    end += scalarLength(at: end)
                }
            }
            return end
        }
    }

    func isIdentifierStart(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIILetter(byte) || byte == UInt8(ascii: "_") }
        guard let scalar = decodeScalar(at: offset).scalar else { return false }
        return scalar.properties.isAlphabetic
    }

    func isIdentifierContinue(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIIIdentifierByte(byte) }
        return isIdentifierStart(at: offset)
    }

    /// An ASCII letter, digit or `_`.
    func isASCIIIdentifierByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func matches(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for k in 0..<count where bytes[offset + k] != pattern[k] { return false }
            return true
        }
    }

    func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    // MARK: - UTF-8

    /// Decodes one scalar; `nil` for an invalid sequence (its length is then 1 byte).
    func decodeScalar(at offset: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int, minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return (nil, 1)
        }
        guard offset + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length {
            let next = bytes[offset + k]
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }

    func scalarLength(at offset: Int) -> Int { decodeScalar(at: offset).length }

    /// `U+00A0`-style name of a code point, for messages about invisible or unusual characters.
    func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: - Non-ASCII characters that are not letters

    mutating func lexNonASCII() {
        let start = index
        let (scalar, length) = decodeScalar(at: index)
        guard let scalar else {
            while index < bytes.count, bytes[index] >= 0x80, decodeScalar(at: index).scalar == nil { index += 1 }
            report(.invalidUTF8, "invalid UTF-8 byte sequence", start, index,
                   help: "save the file as UTF-8")
            return
        }
        index += length
        if let lookalike = Lexer.lookalikes[scalar] {
            let message: String, replacement: String
            switch lookalike {
            case .operator(let kind, let spelling):
                (message, replacement) = ("'\(scalar)' is not an operator of the language; write '\(spelling)'", spelling)
                add(kind, start, index, spelling)
            case .quote:
                (message, replacement) = ("'\(scalar)' is a typographic quote; use a straight quote '\"'", "\"")
            case .space(let name):
                message = "unexpected \(name) (\(codePoint(scalar.value))); replace it with a normal space"
                replacement = " "
            }
            report(.lookalikeCharacter, message, start, index,
                   fixIts: [FixIt(replace: range(start, index), with: replacement)])
            return
        }
        report(.invalidCharacter, "unexpected character '\(scalar)' (\(codePoint(scalar.value)))",
               start, index)
    }

    /// Typographic characters that editors and word processors substitute for ASCII operators, quotes and spaces.
    /// An operator is read as the one it stands for; quotes and spaces yield no token.
    enum Lookalike {
        case `operator`(TokenKind, String)
        case quote
        case space(String)
    }

    static let lookalikes: [Unicode.Scalar: Lookalike] = [
        "\u{2192}": .operator(.arrow, "->"), "\u{2264}": .operator(.lessEqual, "<="),
        "\u{2265}": .operator(.greaterEqual, ">="), "\u{2260}": .operator(.notEqual, "!="),
        "\u{2212}": .operator(.minus, "-"), "\u{2013}": .operator(.minus, "-"),
        "\u{00D7}": .operator(.star, "*"), "\u{22C5}": .operator(.star, "*"), "\u{00F7}": .operator(.slash, "/"),
        "\u{201C}": .quote, "\u{201D}": .quote, "\u{2018}": .quote, "\u{2019}": .quote,
        "\u{00A0}": .space("no-break space"), "\u{2009}": .space("thin space"),
        "\u{202F}": .space("narrow no-break space"),
    ]
}
