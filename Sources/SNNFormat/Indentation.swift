// Indentation: two spaces per open block. A line inside `( )` or `[ ]` opened on an earlier line is indented
// one step from the line that opened it, and a line starting with the closer goes back to that line's
// indentation; a line that continues an item, member or statement (after `,`, `=`, an operator, or a
// connection's `learn`/`normalize`/`on` clause) is indented one step. A comment on its own line takes the
// indentation of the code below it (one step more above a closing `}`, `)` or `]`).

import SNNSyntax

enum Indentation {
    static let step = 2

    static func apply(_ lines: inout [LayoutLine], facts: SyntaxFacts) {
        /// The open `{`, `(` and `[` with the indentation of the lines inside them.
        var open: [(kind: TokenKind, inner: Int)] = []
        var commentLines: [Int] = []
        for index in lines.indices {
            guard let first = lines[index].firstToken?.tokenKind, let start = lines[index].firstToken?.start else {
                commentLines.append(index)
                continue
            }
            let indent: Int
            if isCloser(first), let innermost = open.last {
                indent = innermost.inner - step
            } else if let innermost = open.last, innermost.kind != .leftBrace {
                indent = innermost.inner
            } else {
                let base = open.last?.inner ?? 0
                let startsStatement = facts.statementStarts.contains(start)
                    || first == .leftBrace || first == .keyword(.else) || first == .semicolon
                indent = startsStatement ? base : base + step
            }
            lines[index].indent = indent
            for comment in commentLines { lines[comment].indent = isCloser(first) ? indent + step : indent }
            commentLines = []
            for token in lines[index].tokens {
                guard let kind = token.tokenKind else { continue }
                if kind == .leftBrace || kind == .leftParen || kind == .leftBracket {
                    open.append((kind, indent + step))
                } else if isCloser(kind) {
                    _ = open.popLast()
                }
            }
        }
        for comment in commentLines { lines[comment].indent = open.last?.inner ?? 0 }
    }

    static func isCloser(_ kind: TokenKind) -> Bool {
        kind == .rightBrace || kind == .rightParen || kind == .rightBracket
    }
}
