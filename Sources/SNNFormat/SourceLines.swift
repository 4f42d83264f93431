// SourceLines: cuts a lexed file into layout lines — its tokens and comments in source order, grouped by the
// line they start on (a block comment spanning lines keeps what follows it on its last line), with the blank
// lines between them. A line that starts with a block's `{` or with `else` is joined to the line above, where
// the parser reads it anyway; the line above must end with code, so no comment moves.

import SNNSource
import SNNSyntax

enum SourceLines {
    static func build(_ file: SourceFile, tokens: [Token], comments: [Comment], facts: SyntaxFacts) -> [LayoutLine] {
        let pieces = merge(file, tokens: tokens, comments: comments, facts: facts)
        var lines: [LayoutLine] = []
        var lastLine = -1
        for piece in pieces {
            let startLine = file.lineIndex(of: piece.start)
            let endLine = piece.spansLines ? file.lineIndex(of: piece.end) : startLine
            defer { lastLine = max(lastLine, endLine) }
            if startLine <= lastLine, !lines.isEmpty {
                lines[lines.count - 1].pieces.append(piece)
            } else if let previous = lines.last, previous.pieces.last?.isComment == false, startsContinuation(piece) {
                lines[lines.count - 1].pieces.append(piece)
            } else {
                lines.append(LayoutLine(pieces: [piece], blankLinesBefore: max(0, startLine - lastLine - 1)))
            }
        }
        for index in lines.indices where lines[index].hasTrailingComment {
            lines[index].commentOffset = offsetFromIndentation(file, lines[index].pieces.last!.start)
        }
        return lines
    }

    /// `{` and `else` cannot begin an item, member or statement: a line starting with one continues the line above.
    private static func startsContinuation(_ piece: Piece) -> Bool {
        piece.kind == .token(.leftBrace) || piece.kind == .token(.keyword(.else))
    }

    /// Tokens (line breaks aside) and comments in source order, each token marked as a sign or an operand's end.
    private static func merge(_ file: SourceFile, tokens: [Token], comments: [Comment], facts: SyntaxFacts) -> [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(tokens.count + comments.count)
        var nextComment = comments.startIndex
        var previous: Piece?
        for token in tokens where token.kind != .newline && token.kind != .endOfFile {
            while nextComment < comments.endIndex, comments[nextComment].range.start < token.range.start {
                pieces.append(piece(file, comments[nextComment]))
                nextComment += 1
            }
            var piece = Piece(kind: .token(token.kind), text: file.text(in: token.range.startOffset..<token.range.endOffset),
                              start: token.range.startOffset, end: token.range.endOffset, spansLines: false)
            piece.endsOperand = endsOperand(token, after: previous, facts: facts)
            if token.kind == .minus || token.kind == .plus { piece.isPrefixOperator = previous?.endsOperand != true }
            previous = piece
            pieces.append(piece)
        }
        pieces.append(contentsOf: comments[nextComment...].map { piece(file, $0) })
        return pieces
    }

    private static func endsOperand(_ token: Token, after previous: Piece?, facts: SyntaxFacts) -> Bool {
        switch token.kind {
        case .identifier: return !facts.keywordLikeNames.contains(token.range.startOffset)
        case .number, .unit, .string, .rightParen, .rightBracket, .keyword(.true), .keyword(.false): return true
        case .keyword: return previous?.kind == .token(.dot)          // a keyword as a member: `iris.train`
        default: return false
        }
    }

    private static func piece(_ file: SourceFile, _ comment: Comment) -> Piece {
        let written = file.text(in: comment.range.startOffset..<comment.range.endOffset)
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
            return line
        }
        return Piece(kind: .comment(comment.kind), text: lines.joined(separator: "\n"),
                     start: comment.range.startOffset, end: comment.range.endOffset, spansLines: lines.count > 1)
    }

    /// The column of `offset` on its source line, counted in characters from the end of the line's indentation.
    private static func offsetFromIndentation(_ file: SourceFile, _ offset: Int) -> Int {
        let line = file.lineIndex(of: offset)
        let before = file.text(in: file.lineStarts[line]..<offset)
        let indentation = before.prefix { $0 == " " || $0 == "\t" }.count
        return before.count - indentation
    }
}
