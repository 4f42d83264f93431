// Parser: recursive descent over the token stream into the AST. This file holds the machinery — token
// navigation, newline handling, error reporting with follow-on suppression, recovery and the file/item loop.
// The grammar itself is split by topic: ParserBodies (neurons, rules, blocks), ParserNetwork, ParserExperiment,
// ParserExpressions; unbalanced brackets and braces are reported by ParserDelimiters. Grammar/snn.ebnf is the
// reference; keep them in step.

import SNNSource

public struct ParsedFile: Sendable {
    public var syntax: SourceFileSyntax
    public var comments: [Comment]
    /// Lexical and syntactic diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]
}

/// A value: its methods change it through `inout self`, which the compiler checks for exclusive access once,
/// statically, rather than at every use of `position` as it would for the properties of a class.
public struct Parser {
    let file: SourceFile
    let tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic]
    /// Set after an error; further errors are dropped until the parser resynchronises at an item or member.
    var recovering = false
    /// The `(` and `[` tokens still open; inside them line breaks do not end anything.
    var openBrackets: [Token] = []
    var bracketDepth: Int { openBrackets.count }
    /// Recursion depth of expressions and blocks, bounded so that hostile input cannot exhaust the stack.
    var nesting = 0
    static let nestingLimit = 100
    /// Depth of the last expression tree built (operator chains included). Trees are bounded too, because
    /// code that walks or frees a tree recursively would otherwise exhaust the stack on `1 + 1 + … + 1`.
    var lastExpressionDepth = 0
    static let expressionDepthLimit = 1_000
    /// Blocks whose `}` sat left of their `{` line: the `}` may have belonged to an enclosing block, so if that
    /// one turns out unclosed, the first of these is the block that lost its `}` (see ParserDelimiters).
    var misindentedBlocks: [MisindentedBlock] = []
    private let docComments: [Int: String]
    /// The line of the token last given to `docComment(above:)`. Items and members come in source order, so the
    /// next one's line is found by walking forward from here rather than by a search of the whole file.
    private var lineCursor = 0

    public static func parse(_ file: SourceFile) -> ParsedFile {
        let lexed = Lexer.lex(file)
        var parser = Parser(file: file, lexed: lexed)
        let syntax = parser.parseFile()
        return ParsedFile(syntax: syntax, comments: lexed.comments, diagnostics: parser.diagnostics)
    }

    init(file: SourceFile, lexed: LexedFile) {
        self.file = file
        self.tokens = lexed.tokens
        self.diagnostics = lexed.diagnostics
        var docs: [Int: String] = [:]
        for comment in lexed.comments where comment.kind == .doc {
            docs[file.lineIndex(of: comment.range.startOffset)] = comment.text
        }
        self.docComments = docs
    }

    // MARK: - Token navigation

    /// The token at the current position; inside brackets, line breaks are skipped first.
    var current: Token {
        mutating get {
            if bracketDepth > 0 { skipNewlines() }
            return tokens[position]
        }
    }

    /// The kind of `current`, without copying the token's text.
    var currentKind: TokenKind {
        mutating get {
            if bracketDepth > 0 { skipNewlines() }
            return tokens[position].kind
        }
    }

    /// The kind of the token `offset` places ahead (newlines skipped inside brackets).
    func peekKind(_ offset: Int) -> TokenKind {
        var index = position, remaining = offset
        while true {
            while bracketDepth > 0, tokens[index].kind == .newline { index += 1 }
            if remaining == 0 || tokens[index].kind == .endOfFile { return tokens[index].kind }
            index += 1
            remaining -= 1
        }
    }

    mutating func at(_ kind: TokenKind) -> Bool { currentKind == kind }
    mutating func at(_ keyword: Keyword) -> Bool { currentKind == .keyword(keyword) }
    mutating func at(_ word: ContextualKeyword) -> Bool { currentKind == .identifier && current.text == word.rawValue }

    /// Consumes the current token. A line break after a token that cannot end a line (`,` `=` `+=` … `->` `:`)
    /// is skipped, so such a line continues on the next one.
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if token.kind != .endOfFile { position += 1 }
        switch token.kind {
        case .comma, .equals, .plusAssign, .minusAssign, .starAssign, .slashAssign, .arrow, .colon:
            if !atItemStartAfterLineBreak { skipNewlines() }
        default:
            break
        }
        return token
    }

    /// Whether the next line (after line breaks at the current position) begins a new item: then the line
    /// break really ends something, and the missing part is reported where it belongs.
    private var atItemStartAfterLineBreak: Bool {
        var index = position
        while tokens[index].kind == .newline { index += 1 }
        if case .keyword(let keyword) = tokens[index].kind, keyword.startsItem { return index > position }
        return false
    }

    mutating func eat(_ kind: TokenKind) -> Token? { at(kind) ? advance() : nil }
    mutating func eat(_ keyword: Keyword) -> Token? { at(keyword) ? advance() : nil }

    mutating func skipNewlines() {
        while tokens[position].kind == .newline { position += 1 }
    }

    /// Skips the line break before a `{` or `else` that begins the next line: neither can begin an item, member
    /// or statement, so such a line continues the construct above it (`neuron lif⏎{`, `}⏎else {`).
    mutating func skipLineBreak(before kind: TokenKind) {
        var index = position
        while tokens[index].kind == .newline { index += 1 }
        if tokens[index].kind == kind { position = index }
    }

    mutating func skipSeparators() {
        while tokens[position].kind == .newline || tokens[position].kind == .semicolon { position += 1 }
    }

    /// Whether the current token is the first of its line.
    var atLineStart: Bool {
        mutating get {
            _ = currentKind
            return position == 0 || tokens[position - 1].kind == .newline
        }
    }

    /// Whether the current token can only begin a new top-level item and sits at the start of a line —
    /// the sign that an enclosing bracket or brace was never closed.
    var atItemStart: Bool {
        mutating get {
            if case .keyword(let keyword) = currentKind, keyword.startsItem, atLineStart { return true }
            return currentKind == .endOfFile
        }
    }

    var atSeparator: Bool {
        switch tokens[position].kind {
        case .newline, .semicolon, .endOfFile, .rightBrace: return true
        default: return false
        }
    }

    /// The end of the last token before the current one, ignoring line breaks: where a missing token goes.
    var insertionPoint: SourceRange {
        var index = position - 1
        while index > 0, tokens[index].kind == .newline { index -= 1 }
        return index >= 0 ? tokens[index].range.endPoint : tokens[position].range.startPoint
    }

    func range(from start: SourceRange) -> SourceRange { start.union(insertionPoint) }

    // MARK: - Errors

    mutating func error(_ code: SyntaxCode, _ message: String, at range: SourceRange, label: String? = nil,
                        notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []) {
        guard !recovering else { return }
        recovering = true
        diagnostics.append(Diagnostic(.error, code.code, message, at: range, label: label,
                                      notes: notes, help: help, fixIts: fixIts))
    }

    /// Where an "expected …" error points: at the offending token, or just after the previous token when the
    /// line or file ended early or the next line already starts a new item.
    var errorLocation: SourceRange {
        mutating get {
            switch tokens[position].kind {
            case .newline, .endOfFile: return insertionPoint
            default: return atItemStart ? insertionPoint : current.range
            }
        }
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ context: @autoclosure () -> String) -> Token? {
        if let token = eat(kind) { return token }
        error(.expectedToken, "expected '\(kind.spelling)' \(context()), found \(current.displayName)",
              at: errorLocation, fixIts: [FixIt(replace: insertionPoint, with: kind.spelling)])
        return nil
    }

    @discardableResult
    mutating func expect(_ keyword: Keyword, _ context: @autoclosure () -> String) -> Token? {
        expect(.keyword(keyword), context())
    }

    mutating func expect(_ word: ContextualKeyword, _ context: @autoclosure () -> String) {
        if at(word) { advance(); return }
        error(.expectedToken, "expected '\(word.rawValue)' \(context()), found \(current.displayName)",
              at: errorLocation)
    }

    /// Guards recursion; false (after one diagnostic) when the input nests deeper than the limit.
    mutating func enterNesting() -> Bool {
        nesting += 1
        if nesting > Parser.nestingLimit {
            error(.nestingTooDeep, "expression or block nested more than \(Parser.nestingLimit) levels deep",
                  at: current.range, help: "split it using `let` or `const` declarations")
            return false
        }
        return true
    }

    // MARK: - Names

    /// A name being declared or referred to; a reserved keyword is reported but still accepted as the name.
    mutating func parseName(_ what: @autoclosure () -> String) -> Identifier? {
        let token = current
        if atItemStart, position > 0, tokens[position - 1].kind == .newline {
            error(.expectedName, "expected the name of \(what()) before the end of the line", at: insertionPoint)
            return nil
        }
        switch token.kind {
        case .identifier:
            advance()
            return Identifier(token.text, token.range)
        case .keyword(let keyword):
            error(.keywordAsName, "'\(keyword.rawValue)' is a reserved keyword and cannot be the name of \(what())",
                  at: token.range, help: "choose another name, for example '\(keyword.rawValue)_'")
            advance()
            return Identifier(token.text, token.range)
        default:
            error(.expectedName, "expected the name of \(what()), found \(token.displayName)", at: errorLocation)
            return nil
        }
    }

    /// A label: argument names and members, where keywords are allowed (`labels = …`, `iris.train`).
    mutating func parseLabel(_ what: @autoclosure () -> String) -> Identifier? {
        let token = current
        switch token.kind {
        case .identifier, .keyword:
            advance()
            return Identifier(token.text, token.range)
        default:
            error(.expectedName, "expected \(what()), found \(token.displayName)", at: errorLocation)
            return nil
        }
    }

    var atLabel: Bool {
        mutating get {
            switch currentKind {
            case .identifier, .keyword: return true
            default: return false
            }
        }
    }

    // MARK: - Recovery

    /// Skips to the next line that starts a top-level item.
    mutating func synchronizeItem() {
        while !at(.endOfFile) {
            if atItemStart { return }
            position += 1
        }
    }

    /// Skips the rest of a member or statement: to the end of its line, a `}` closing its block, or an item start.
    /// A `{…}` block met on the way is skipped whole.
    mutating func synchronizeMember() {
        var depth = 0
        while !at(.endOfFile), !atItemStart {
            switch tokens[position].kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                if depth == 0 { return }
                depth -= 1
            case .newline, .semicolon:
                if depth == 0 { return }
            default: break
            }
            position += 1
        }
    }

    // MARK: - File and items

    mutating func parseFile() -> SourceFileSyntax {
        var header: ModelHeader?
        var items: [Item] = []
        skipSeparators()
        while !at(.endOfFile) {
            recovering = false
            misindentedBlocks = []
            let start = position
            if at(.model) {
                let parsed = parseModelHeader()
                let location = parsed?.range ?? insertionPoint
                if let previous = header {
                    error(.misplacedModelHeader, "a file declares one model; '\(previous.name.name)' was already declared",
                          at: location, notes: [DiagnosticNote("model declared here", at: previous.range)],
                          help: "remove this line")
                } else if !items.isEmpty {
                    error(.misplacedModelHeader, "'model' must be the first item of the file", at: location,
                          help: "move this line to the top of the file")
                } else {
                    header = parsed
                }
            } else if let item = parseItem() {
                items.append(item)
            }
            if !atSeparator && !at(.rightBrace) {
                if atStrayCloser {
                    reportStrayCloser(current)
                } else {
                    error(.expectedEndOfItem, "expected a line break or ';' here, found \(current.displayName)",
                          at: current.range, help: "write each declaration or statement on its own line")
                }
                synchronizeItem()
            }
            skipSeparators()
            if position == start { position += 1 }        // progress guard
        }
        let fileRange = SourceRange(file: file.id, start: 0, end: file.bytes.count)
        return SourceFileSyntax(model: header, items: items, range: fileRange)
    }

    private mutating func parseModelHeader() -> ModelHeader? {
        let keyword = advance()
        guard let name = parseName("the model") else { return nil }
        return ModelHeader(name: name, range: keyword.range.union(name.range))
    }

    mutating func parseItem() -> Item? {
        let first = current
        let kind: Item.Kind?
        switch first.kind {
        case .keyword(.neuron): kind = parseNeuron().map(Item.Kind.neuron)
        case .keyword(.rule): kind = parseRule().map(Item.Kind.rule)
        case .keyword(.population): kind = parsePopulation().map(Item.Kind.population)
        case .keyword(.input): kind = parseInput().map(Item.Kind.input)
        case .keyword(.connect): kind = parseConnect().map(Item.Kind.connect)
        case .keyword(.dataset): kind = parseDataset().map(Item.Kind.dataset)
        case .keyword(.split): kind = parseSplit().map(Item.Kind.split)
        case .keyword(.const): kind = parseConst().map(Item.Kind.constant)
        case .keyword(.simulate): kind = parseSimulate().map(Item.Kind.simulate)
        case .keyword(.record): kind = parseRecord().map(Item.Kind.record)
        case .keyword(.train): kind = parseTrain().map(Item.Kind.train)
        case .keyword(.evaluate): kind = parseEvaluate().map(Item.Kind.evaluate)
        case .keyword(.assign): kind = parseAssignLabels().map(Item.Kind.assignLabels)
        case .keyword(.save): kind = parseTransfer(.save).map(Item.Kind.save)
        case .keyword(.load): kind = parseTransfer(.load).map(Item.Kind.load)
        case .identifier where first.text == ContextualKeyword.freeze.rawValue && peekKind(1) == .identifier:
            kind = parseFreeze().map(Item.Kind.freeze)   // belongs in a phase block: the checker says so
        default:
            reportUnexpectedItem()
            synchronizeItem()
            return nil
        }
        guard let kind else { return nil }
        return Item(kind: kind, doc: docComment(above: first), range: range(from: first.range))
    }

    private mutating func reportUnexpectedItem() {
        let token = current
        if atStrayCloser || token.kind == .rightBrace {
            reportStrayCloser(token)
            return
        }
        let starters = Keyword.allCases.filter(\.startsItem).map(\.rawValue)
        var help = "a file holds declarations (model, neuron, rule, population, input, connect, dataset, split, "
            + "const) and experiment statements (simulate, record, train, evaluate, assign, save, load)"
        var fixIts: [FixIt] = []
        if token.kind == .identifier, let guess = Spelling.closest(to: token.text, in: starters) {
            help = "did you mean '\(guess)'?"
            fixIts = [FixIt(replace: token.range, with: guess)]
        } else if token.kind == .identifier, peekKind(1) == .equals {
            help = "to name a value, write 'const \(token.text) = …'"
            fixIts = [FixIt(replace: token.range.startPoint, with: "const ")]
        }
        error(.expectedItem, "expected a declaration or statement, found \(token.displayName)",
              at: token.range, help: help, fixIts: fixIts)
    }

    /// The `##` lines directly above a token, joined.
    mutating func docComment(above token: Token) -> String? {
        var line = lineIndex(of: token.range.startOffset) - 1
        var lines: [String] = []
        while let text = docComments[line] {
            lines.append(text)
            line -= 1
        }
        return lines.isEmpty ? nil : lines.reversed().joined(separator: "\n")
    }

    /// `file.lineIndex(of:)`, walking forward from the line of the previous call when `offset` is not before it.
    private mutating func lineIndex(of offset: Int) -> Int {
        let starts = file.lineStarts
        guard starts[lineCursor] <= offset else {
            lineCursor = file.lineIndex(of: offset)
            return lineCursor
        }
        while lineCursor + 1 < starts.count, starts[lineCursor + 1] <= offset { lineCursor += 1 }
        return lineCursor
    }
}
