// Token: what the lexer hands the parser — a kind, the byte range it covers and its text (the name of an
// identifier, the digits of a number, a unit, the variable of a derivative, or a string's decoded value).

import SNNSource

public enum TokenKind: Equatable, Sendable {
    case identifier, keyword(Keyword), number, unit, string, derivative
    case newline, endOfFile
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, semicolon, colon, dot, dotDot, arrow
    case equals, plusAssign, minusAssign, starAssign, slashAssign
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash, caret
}

public struct Token: Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    public var text: String

    public init(_ kind: TokenKind, _ range: SourceRange, _ text: String = "") {
        self.kind = kind
        self.range = range
        self.text = text
    }

    /// How the token is named in "expected …, found …" messages.
    public var displayName: String {
        switch kind {
        case .identifier: return "name '\(text)'"
        case .keyword(let keyword): return "keyword '\(keyword.rawValue)'"
        case .number: return "number \(text)"
        case .unit: return "unit '\(text)'"
        case .string: return "a string"
        case .derivative: return "derivative 'd\(text)/dt'"
        case .newline: return "end of line"
        case .endOfFile: return "end of file"
        default: return "'\(kind.spelling)'"
        }
    }
}

extension TokenKind {
    /// The source spelling of punctuation and operators.
    public var spelling: String {
        switch self {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .comma: return ","
        case .semicolon: return ";"
        case .colon: return ":"
        case .dot: return "."
        case .dotDot: return ".."
        case .arrow: return "->"
        case .equals: return "="
        case .plusAssign: return "+="
        case .minusAssign: return "-="
        case .starAssign: return "*="
        case .slashAssign: return "/="
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .caret: return "^"
        case .keyword(let keyword): return keyword.rawValue
        case .identifier: return "name"
        case .number: return "number"
        case .unit: return "unit"
        case .string: return "string"
        case .derivative: return "derivative"
        case .newline: return "end of line"
        case .endOfFile: return "end of file"
        }
    }
}

/// A comment kept beside the token stream (for doc comments now, for the formatter later).
public struct Comment: Sendable {
    public enum Kind: Sendable { case line, doc, block }
    public var kind: Kind
    public var range: SourceRange
    /// The comment's text without its markers (`#`, `##`, `#[` `]#`), trimmed.
    public var text: String
}
