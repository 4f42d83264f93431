// Lexer: punctuation and operators, including the operators of other languages (`&&`, `||`, `!`, `**`, `//`)
// which are reported with a fix-it and then read as the snn operator they stand for.

import SNNSource

extension Lexer {
    mutating func lexPunctuation() {
        let start = index
        let byte = bytes[index]
        let next = self.byte(at: index + 1)
        func single(_ kind: TokenKind) { index += 1; add(kind, start, index) }
        func pair(_ kind: TokenKind) { index += 2; add(kind, start, index) }

        switch byte {
        case UInt8(ascii: "("): single(.leftParen)
        case UInt8(ascii: ")"): single(.rightParen)
        case UInt8(ascii: "["): single(.leftBracket)
        case UInt8(ascii: "]"): single(.rightBracket)
        case UInt8(ascii: "{"): single(.leftBrace)
        case UInt8(ascii: "}"): single(.rightBrace)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: ";"): single(.semicolon)
        case UInt8(ascii: ":"): single(.colon)
        case UInt8(ascii: "^"): single(.caret)
        case UInt8(ascii: "."):
            if next == UInt8(ascii: ".") { pair(.dotDot) }
            else if let next, isDigit(next), !previousTokenEndsOperand(at: start) { lexNumber() }
            else { single(.dot) }
        case UInt8(ascii: "-"):
            next == UInt8(ascii: ">") ? pair(.arrow) : next == UInt8(ascii: "=") ? pair(.minusAssign) : single(.minus)
        case UInt8(ascii: "+"): next == UInt8(ascii: "=") ? pair(.plusAssign) : single(.plus)
        case UInt8(ascii: "*"):
            if next == UInt8(ascii: "*") { foreign("**", "^", .caret, "powers are written with '^'") }
            else { next == UInt8(ascii: "=") ? pair(.starAssign) : single(.star) }
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "/") { foreignComment() }
            else { next == UInt8(ascii: "=") ? pair(.slashAssign) : single(.slash) }
        case UInt8(ascii: "="): next == UInt8(ascii: "=") ? pair(.equal) : single(.equals)
        case UInt8(ascii: "<"): next == UInt8(ascii: "=") ? pair(.lessEqual) : single(.less)
        case UInt8(ascii: ">"): next == UInt8(ascii: "=") ? pair(.greaterEqual) : single(.greater)
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { pair(.notEqual) }
            else { foreign("!", "not ", .keyword(.not), "logical negation is written 'not'") }
        case UInt8(ascii: "&") where next == UInt8(ascii: "&"):
            foreign("&&", "and", .keyword(.and), "logical and is written 'and'")
        case UInt8(ascii: "|") where next == UInt8(ascii: "|"):
            foreign("||", "or", .keyword(.or), "logical or is written 'or'")
        case UInt8(ascii: "%"):
            index += 1
            report(.invalidCharacter, "unexpected character '%'", start, index,
                   help: "a percentage is written right after a number (`80%`); the remainder is `mod(a, b)`")
        case UInt8(ascii: "'"):
            index += 1
            report(.invalidCharacter, "unexpected character '''", start, index,
                   help: "strings are written in double quotes: \"text\"")
        default:
            // A run of characters that cannot start a token is one mistake, reported once.
            index += 1
            while index < bytes.count, Lexer.isStrayASCII(bytes[index]) { index += 1 }
            let shown = (start..<min(index, start + 12)).map { offset -> String in
                let byte = bytes[offset]
                return byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : codePoint(UInt32(byte))
            }.joined() + (index - start > 12 ? "…" : "")
            report(.invalidCharacter, "unexpected character\(index - start > 1 ? "s" : "") '\(shown)'", start, index)
        }
    }

    /// ASCII bytes that begin no token: control characters other than white space, and `$ @ ` ~ ? \`.
    static func isStrayASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F: return true
        case UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "?"),
             UInt8(ascii: "\\"):
            return true
        default: return false
        }
    }

    /// An operator borrowed from another language: report it, then emit the token it stands for.
    private mutating func foreign(_ spelling: String, _ replacement: String, _ kind: TokenKind, _ help: String) {
        let start = index
        index += spelling.utf8.count
        report(.foreignOperator, "'\(spelling)' is not an operator of the language; write '\(replacement.trimmingSpaces)'",
               start, index, help: help, fixIts: [FixIt(replace: range(start, index), with: replacement)])
        add(kind, start, index, replacement.trimmingSpaces)
    }

    /// `//` starts a comment in C-like languages; report it and skip the line as a comment.
    private mutating func foreignComment() {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        report(.foreignOperator, "comments start with '#', not '//'", start, start + 2,
               fixIts: [FixIt(replace: range(start, start + 2), with: "#")])
        comments.append(Comment(kind: .line, range: range(start, index),
                                text: file.text(in: (start + 2)..<index).trimmingSpaces))
    }

    /// Whether the token just before `offset` ends an operand, so that a following `.` is member access.
    private func previousTokenEndsOperand(at offset: Int) -> Bool {
        guard let last = tokens.last, last.range.endOffset == offset else { return false }
        switch last.kind {
        case .identifier, .number, .unit, .rightParen, .rightBracket, .string: return true
        default: return false
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
