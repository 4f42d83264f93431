// LayoutLine: the formatter's working model — a source line as a list of pieces (tokens and comments, with
// their text as written) and the layout chosen for it: blank lines above, indentation and the spaces before
// each piece. Rendering a line is indentation + pieces joined by their gaps.

import SNNSyntax

struct Piece {
    enum Kind: Equatable {
        case token(TokenKind)
        case comment(Comment.Kind)
    }

    var kind: Kind
    /// The text as written (a comment without trailing white space).
    var text: String
    /// Byte offsets in the source.
    var start: Int
    var end: Int
    /// A block comment spanning lines: printed as written, and its line takes no part in alignment.
    var spansLines: Bool
    /// A `-` or `+` that is a sign rather than a binary operator.
    var isPrefixOperator = false
    /// A token after which `(` and `[` call or index (a name, a literal, a closing bracket).
    var endsOperand = false
    /// The token sits inside a `{`, `(` or `[` opened earlier on the same line.
    var isNested = false

    var tokenKind: TokenKind? {
        if case .token(let kind) = kind { return kind }
        return nil
    }

    var isComment: Bool { tokenKind == nil }
    var width: Int { text.count }
}

struct LayoutLine {
    var pieces: [Piece]
    /// Blank lines above this one (at most one once the layout is done).
    var blankLinesBefore: Int
    /// A trailing `#`/`##` comment's column in the source, counted from the line's own indentation.
    var commentOffset: Int?
    var indent = 0
    /// Spaces before each piece (`gaps[0]` is unused: the indentation stands there).
    var gaps: [Int] = []

    var tokens: some Collection<Piece> { pieces.lazy.filter { !$0.isComment } }
    var firstToken: Piece? { pieces.first { !$0.isComment } }
    var lastToken: Piece? { pieces.last { !$0.isComment } }
    var isCommentOnly: Bool { firstToken == nil }
    var spansLines: Bool { pieces.contains(where: \.spansLines) }

    /// Whether the line ends with a `#` or `##` comment after code.
    var hasTrailingComment: Bool {
        guard let last = pieces.last, last.isComment, last.kind != .comment(.block) else { return false }
        return !isCommentOnly
    }

    var endsWithDocComment: Bool { pieces.last?.kind == .comment(.doc) }

    /// The column where piece `index` starts.
    func column(of index: Int) -> Int {
        var column = indent
        for k in 0..<index { column += pieces[k].width + gaps[k + 1] }
        return column
    }

    /// The column just after piece `index`.
    func end(of index: Int) -> Int { column(of: index) + pieces[index].width }

    func rendered() -> String {
        var text = String(repeating: " ", count: indent)
        for (k, piece) in pieces.enumerated() {
            if k > 0 { text += String(repeating: " ", count: gaps[k]) }
            text += piece.text
        }
        return text
    }
}
