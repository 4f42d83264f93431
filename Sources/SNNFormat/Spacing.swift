// Spacing: the spaces between two pieces on a line. One space around binary operators, `->`, `=` and the
// assignment operators, after `,` and `:`, between a number and its unit and inside a one-line `{ … }` (but
// `{}`); none before `,` `;` `:` `)` `]` `.`, after `(` `[` `.` and a sign, around `^` and `..`, or before the
// `(` of a call and the `[` of an index or size. A `;` between members or items is followed by two spaces, one inside
// a one-line block. A comment at the end of a line gets two spaces (Alignment may give it more).

import SNNSyntax

enum Spacing {
    static func apply(_ lines: inout [LayoutLine]) {
        for index in lines.indices {
            markNesting(&lines[index])
            let pieces = lines[index].pieces
            lines[index].gaps = pieces.indices.map { k in
                k == 0 ? 0 : gap(pieces[k - 1], pieces[k], after: k >= 2 ? pieces[k - 2] : nil)
            }
        }
    }

    /// Marks the tokens that sit inside a bracket or block opened earlier on the same line.
    private static func markNesting(_ line: inout LayoutLine) {
        var depth = 0
        for k in line.pieces.indices {
            guard let kind = line.pieces[k].tokenKind else { continue }
            if Indentation.isCloser(kind) { depth = max(0, depth - 1) }
            line.pieces[k].isNested = depth > 0
            if kind == .leftBrace || kind == .leftParen || kind == .leftBracket { depth += 1 }
        }
    }

    /// The spaces between `a` and `b`; `beforeA` is the piece before `a`, if any.
    static func gap(_ a: Piece, _ b: Piece, after beforeA: Piece?) -> Int {
        if b.isComment { return b.kind == .comment(.block) ? 1 : 2 }
        guard let left = a.tokenKind, let right = b.tokenKind else { return 1 }
        switch right {
        case .comma, .semicolon, .colon, .rightParen, .rightBracket, .dot: return 0
        case .caret: return left == .unit ? 1 : 0          // `2 ms^2` would read `ms^2` as the unit
        default: break
        }
        switch left {
        case .leftParen, .leftBracket, .dot: return 0
        case .leftBrace: return right == .rightBrace ? 0 : 1
        case .semicolon: return a.isNested ? 1 : 2
        case .caret: return beforeA?.tokenKind == .unit ? 1 : 0
        case .dotDot: return 0
        default: break
        }
        if a.isPrefixOperator { return 0 }
        switch right {
        case .leftParen, .leftBracket: return a.endsOperand ? 0 : 1
        case .dotDot: return 0
        case .unit: return b.text == "%" ? 0 : 1
        default: return 1
        }
    }
}
