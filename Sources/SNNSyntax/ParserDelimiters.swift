// Parser: unbalanced brackets and braces. A `)`, `]` or `}` without an opener is reported where it stands
// (E0114); a bracket or brace that is never closed is reported where its closer belongs (E0102). When a block
// lost its `}` and a later `}` closed it instead, indentation tells which block the `}` is missing from.

import SNNSource

/// A block closed by a `}` that sits left of the line of its `{`: the `}` may belong to an enclosing block.
struct MisindentedBlock {
    let open: Token
    let what: String
    let close: Token
    /// Where the block's own `}` belongs if `close` was meant for an enclosing block: after its last token.
    let end: SourceRange
}

extension Parser {
    // MARK: - Closers without an opener

    var atStrayCloser: Bool { mutating get { at(.rightParen) || at(.rightBracket) } }

    /// Reports `token`, a `)`, `]` or `}`, as closing nothing, with a fix-it removing it — or, when `intended`
    /// is given, replacing it with the closer of that bracket.
    mutating func reportStrayCloser(_ token: Token, intended: (open: Token, closer: TokenKind)? = nil) {
        let opener: TokenKind = switch token.kind {
        case .rightParen: .leftParen
        case .rightBracket: .leftBracket
        default: .leftBrace
        }
        var notes: [DiagnosticNote] = [], help: String?, replacement = ""
        if let (open, closer) = intended {
            notes = [DiagnosticNote("'\(open.kind.spelling)' opened here", at: open.range)]
            help = "close the '\(open.kind.spelling)' with '\(closer.spelling)'"
            replacement = closer.spelling
        }
        error(.unexpectedClosingDelimiter, "unexpected '\(token.kind.spelling)' without a matching '\(opener.spelling)'",
              at: token.range, notes: notes, help: help, fixIts: [FixIt(replace: token.range, with: replacement)])
    }

    /// Consumes the `closer` of the bracket `open` (the innermost open one). A `)` or `]` of the other kind in its
    /// place that no enclosing bracket explains (`(1 + 2]`, `f(a])`) is reported as closing nothing and skipped;
    /// otherwise a missing closer is reported as such.
    mutating func close(_ open: Token, with closer: TokenKind, _ what: @autoclosure () -> String) {
        if eat(closer) != nil { return }
        let other: TokenKind = closer == .rightParen ? .rightBracket : .rightParen
        let otherOpener: TokenKind = closer == .rightParen ? .leftBracket : .leftParen
        guard at(other), !openBrackets.dropLast().contains(where: { $0.kind == otherOpener }) else {
            unclosed(open, closer, what())
            return
        }
        let stray = advance()
        if eat(closer) != nil {
            reportStrayCloser(stray)
        } else {
            reportStrayCloser(stray, intended: (open, closer))
        }
    }

    // MARK: - Brackets and braces never closed

    /// Reports a bracket that was never closed, pointing at where the closer belongs and at the opener.
    mutating func unclosed(_ opener: Token, _ closer: TokenKind, _ what: @autoclosure () -> String) {
        error(.unclosedDelimiter, "expected '\(closer.spelling)' to close \(what())", at: insertionPoint,
              notes: [DiagnosticNote("'\(opener.kind.spelling)' opened here", at: opener.range)],
              fixIts: [FixIt(replace: insertionPoint, with: closer.spelling)])
    }

    /// Reports the block opened by `open` as never closed. If a block inside it was closed by a `}` sitting left
    /// of that block's `{` line, the `}` was most likely meant for an enclosing block: the first such block is the
    /// one that lost its `}`, and the diagnostic points there.
    mutating func unclosedBlock(_ open: Token, _ what: @autoclosure () -> String) {
        var first: MisindentedBlock?
        while let last = misindentedBlocks.last, last.open.range.startOffset > open.range.startOffset {
            first = misindentedBlocks.removeLast()
        }
        guard let block = first else {
            unclosed(open, .rightBrace, what())
            return
        }
        error(.unclosedDelimiter, "expected '}' to close \(block.what)", at: block.end,
              notes: [DiagnosticNote("'{' opened here", at: block.open.range),
                      DiagnosticNote("this '}' lines up with an enclosing block and seems meant to close it",
                                     at: block.close.range)],
              fixIts: [FixIt(replace: block.end, with: "}")])
    }

    /// Called at the `}` that closes the block opened by `open`. A `}` left of the `{` line is remembered (it may
    /// belong to an enclosing block); a well-placed one settles the blocks inside, which are forgotten.
    mutating func noteClosingBrace(of open: Token, _ what: @autoclosure () -> String) {
        let close = current
        if atLineStart, indentation(of: close) < indentation(of: open) {
            misindentedBlocks.append(MisindentedBlock(open: open, what: what(), close: close, end: insertionPoint))
            return
        }
        while let last = misindentedBlocks.last, last.open.range.startOffset > open.range.startOffset {
            misindentedBlocks.removeLast()
        }
    }

    /// Whether the current line, indented no deeper than the line of `open`, starts with what can only begin a
    /// member of a neuron or rule (`on`, `param`, `state`, `let`, an equation, `spike when`, `refractory`, …):
    /// inside the statement block opened by `open`, the sign that its `}` is missing.
    mutating func atMemberOutside(_ open: Token) -> Bool {
        guard atLineStart, indentation(of: current) <= indentation(of: open) else { return false }
        switch currentKind {
        case .keyword(.on), .keyword(.param), .keyword(.state), .keyword(.let), .derivative:
            return true
        case .identifier:
            guard let word = ContextualKeyword(rawValue: current.text),
                  [.spike, .reset, .refractory, .method, .synaptic, .pre, .post].contains(word) else { return false }
            switch peekKind(1) {
            case .equals, .plusAssign, .minusAssign, .starAssign, .slashAssign, .dot: return false   // an assignment
            default: return true
            }
        default:
            return false
        }
    }

    /// The number of spaces and tabs that begin the line of `token`.
    private func indentation(of token: Token) -> Int {
        let line = file.lineByteRange(file.lineIndex(of: token.range.startOffset))
        var offset = line.lowerBound
        while offset < line.upperBound, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(file.bytes[offset]) { offset += 1 }
        return offset - line.lowerBound
    }
}
