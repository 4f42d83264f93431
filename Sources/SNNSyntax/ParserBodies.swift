// Parser: neuron and rule declarations, their members, event handlers and `{ … }` statement blocks.
// All braced bodies share one loop (`parseBody`) that handles separators, a missing `}` and recovery.
// A `{` that opens a body or block may stand at the start of the next line, and so may `else`.

import SNNSource

extension Parser {
    mutating func parseNeuron() -> NeuronDecl? {
        let keyword = advance()
        guard let name = parseName("a neuron model") else { return nil }
        let base = eat(.extends) != nil ? parseName("the neuron model to extend") : nil
        skipLineBreak(before: .leftBrace)
        guard let open = expect(.leftBrace, "to open the body of neuron '\(name.name)'") else { return nil }
        let members = parseBody(open, "the body of neuron '\(name.name)'") { $0.parseNeuronMember() }
        return NeuronDecl(name: name, base: base, members: members, range: range(from: keyword.range))
    }

    mutating func parseRule() -> RuleDecl? {
        let keyword = advance()
        guard let name = parseName("a learning rule") else { return nil }
        let base = eat(.extends) != nil ? parseName("the rule to extend") : nil
        skipLineBreak(before: .leftBrace)
        guard let open = expect(.leftBrace, "to open the body of rule '\(name.name)'") else { return nil }
        let members = parseBody(open, "the body of rule '\(name.name)'") { $0.parseRuleMember() }
        return RuleDecl(name: name, base: base, members: members, range: range(from: keyword.range))
    }

    /// Members up to the closing `}` (already past `open`). Members end at a line break, `;`, `}` or,
    /// when `commas` is set, `,`. An item keyword at the start of a line means the `}` is missing; so does, in a
    /// block of `statements`, a line that begins a neuron or rule member and is indented no deeper than the `{`.
    mutating func parseBody<T>(_ open: Token, _ what: @autoclosure () -> String, commas: Bool = false,
                               statements: Bool = false, _ parseMember: (inout Parser) -> T?) -> [T] {
        var members: [T] = []
        guard enterNesting() else { nesting -= 1; synchronizeMember(); return members }
        defer { nesting -= 1 }
        let enclosingBrackets = openBrackets
        openBrackets = []                                   // inside braces, line breaks matter again
        defer { openBrackets = enclosingBrackets }
        skipSeparators()
        while !at(.rightBrace) {
            if atItemStart || (statements && atMemberOutside(open)) {
                recovering = false
                unclosedBlock(open, what())
                return members
            }
            recovering = false
            let start = position
            if !atStrayCloser, let member = parseMember(&self) { members.append(member) }
            let endedAtLineStart = position > start && atLineStart
            if !(atSeparator || endedAtLineStart || (commas && at(.comma))) {
                if atStrayCloser {
                    reportStrayCloser(current)
                } else {
                    error(.expectedEndOfItem, "expected a line break or ';' here, found \(current.displayName)",
                          at: current.range, help: "write each member on its own line")
                }
                synchronizeMember()
            }
            if commas { _ = eat(.comma) }
            skipSeparators()
            if position == start { position += 1 }        // progress guard
        }
        noteClosingBrace(of: open, what())
        advance()
        return members
    }

    // MARK: - Neuron members

    private mutating func parseNeuronMember() -> Member? {
        let first = current
        let kind: Member.Kind?
        switch first.kind {
        case .keyword(.param): kind = parseVariable(.param).map(Member.Kind.variable)
        case .keyword(.state): kind = parseVariable(.state).map(Member.Kind.variable)
        case .keyword(.let): kind = parseAlias()
        case .derivative: kind = parseEquation().map(Member.Kind.equation)
        case .identifier where first.text == ContextualKeyword.spike.rawValue && peekKind(1) == .keyword(.when):
            advance(); advance()
            kind = .threshold(parseExpression())
        case .identifier where first.text == ContextualKeyword.reset.rawValue:
            advance()
            kind = .reset(parseResetStatements())
        case .identifier where first.text == ContextualKeyword.refractory.rawValue:
            advance()
            kind = .refractory(parseExpression())
        case .identifier where first.text == ContextualKeyword.method.rawValue:
            advance()
            expect(.equals, "after 'method'")
            kind = parseName("an integration method (exact, euler, rk2, rk4, exponential_euler)").map(Member.Kind.method)
        case .identifier where ["synaptic", "pre", "post"].contains(first.text) && peekKind(1) == .identifier,
             .keyword(.on):
            error(.misplacedMember, "'\(first.text)' belongs in a learning rule, not in a neuron model",
                  at: first.range, help: "declare plasticity in a `rule { … }` and attach it with `learn` in a connection")
            synchronizeMember()
            return nil
        default:
            reportUnexpectedMember("neuron", allowed: "param, state, let, dv/dt = …, spike when …, reset …, refractory …, method = …")
            return nil
        }
        guard let kind else { return nil }
        return Member(kind: kind, doc: docComment(above: first), range: range(from: first.range))
    }

    /// `reset { … }` or `reset v = Vr, w += b`. A `,` that ends its line continues the reset on the next one;
    /// when that line holds no assignment (`refractory 2 ms`, `}`), the `,` is a leftover, reported at the `,`.
    private mutating func parseResetStatements() -> [Statement] {
        skipLineBreak(before: .leftBrace)
        if at(.leftBrace) { return parseBlock("the reset block") }
        var statements: [Statement] = []
        repeat {
            guard let statement = parseAssignment() else { break }
            statements.append(statement)
            if at(.comma), tokens[position + 1].kind == .newline, !startsAssignment(at: position + 2) {
                error(.trailingComma, "trailing ',' after the last assignment of the reset", at: current.range,
                      help: "a ',' at the end of a line continues the reset on the next line, which holds no "
                          + "assignment; remove the ','",
                      fixIts: [FixIt(replace: current.range, with: "")])
                position += 1                               // past the ',', to the line break that ends the reset
                break
            }
        } while eat(.comma) != nil
        return statements
    }

    /// Whether the tokens from `index` begin an assignment: a name, optional `.member`s, then `=`, `+=`, … .
    private func startsAssignment(at index: Int) -> Bool {
        guard tokens[index].kind == .identifier else { return false }
        var next = index + 1
        while tokens[next].kind == .dot, tokens[next + 1].kind == .identifier { next += 2 }
        switch tokens[next].kind {
        case .equals, .plusAssign, .minusAssign, .starAssign, .slashAssign: return true
        default: return false
        }
    }

    // MARK: - Rule members

    private mutating func parseRuleMember() -> Member? {
        let first = current
        let kind: Member.Kind?
        switch first.kind {
        case .keyword(.param): kind = parseVariable(.param).map(Member.Kind.variable)
        case .keyword(.let): kind = parseAlias()
        case .derivative: kind = parseEquation().map(Member.Kind.equation)
        case .keyword(.on): kind = parseHandler().map(Member.Kind.handler)
        case .identifier where peekKind(1) == .identifier:
            guard let role = VariableDecl.Role(rawValue: first.text), role != .param, role != .state else {
                reportUnexpectedMember("rule", allowed: "param, synaptic, pre, post, let, dx/dt = …, on pre/post/reward { … }")
                return nil
            }
            kind = parseVariable(role).map(Member.Kind.variable)
        case .keyword(.state):
            error(.misplacedMember, "a rule's variables are 'synaptic' (per synapse), 'pre' or 'post' (per neuron)",
                  at: first.range, fixIts: [FixIt(replace: first.range, with: "synaptic")])
            synchronizeMember()
            return nil
        case .identifier where ["spike", "reset", "refractory"].contains(first.text):
            error(.misplacedMember, "'\(first.text)' belongs in a neuron model, not in a learning rule", at: first.range)
            synchronizeMember()
            return nil
        default:
            reportUnexpectedMember("rule", allowed: "param, synaptic, pre, post, let, dx/dt = …, on pre/post/reward { … }")
            return nil
        }
        guard let kind else { return nil }
        return Member(kind: kind, doc: docComment(above: first), range: range(from: first.range))
    }

    private mutating func reportUnexpectedMember(_ owner: String, allowed: String) {
        let token = current
        if token.kind == .identifier, token.text.hasPrefix("d"), token.text.count > 1, peekKind(1) == .slash {
            // `dv / dt = …`: a derivative written with spaces.
            let variable = String(token.text.dropFirst())
            let end = position + 2 < tokens.count ? tokens[position + 2] : token
            if end.kind == .identifier, end.text == "dt" {
                error(.spacedDerivative, "a derivative is written without spaces: 'd\(variable)/dt'",
                      at: token.range.union(end.range),
                      fixIts: [FixIt(replace: token.range.union(end.range), with: "d\(variable)/dt")])
                synchronizeMember()
                return
            }
        }
        var fixIts: [FixIt] = []
        var help = "a \(owner) holds: \(allowed)"
        if token.kind == .identifier, peekKind(1) == .equals {
            help = "to declare a parameter, write 'param \(token.text) = …'"
            fixIts = [FixIt(replace: token.range.startPoint, with: "param ")]
        }
        error(.misplacedMember, "expected a member of the \(owner), found \(token.displayName)",
              at: token.range, help: help, fixIts: fixIts)
        synchronizeMember()
    }

    // MARK: - Declarations inside bodies

    /// `param name [: unit] [= expr]`, `state …[: dv/dt = …]`, `synaptic e = 0: de/dt = -e / tau_e`.
    private mutating func parseVariable(_ role: VariableDecl.Role) -> VariableDecl? {
        let keyword = advance()
        let what = switch role {
        case .param: "a parameter"
        case .state: "a state variable"
        case .synaptic: "a synaptic variable"
        case .pre: "a presynaptic variable"
        case .post: "a postsynaptic variable"
        }
        guard let name = parseName(what) else { return nil }
        var unit: UnitExpr?, initial: Expr?, equation: Equation?
        if eat(.colon) != nil {
            if at(.derivative) { equation = parseEquation() } else { unit = parseUnitAnnotation() }
        }
        if equation == nil, eat(.equals) != nil { initial = parseExpression() }
        if equation == nil, eat(.colon) != nil {
            guard at(.derivative) else {
                error(.expectedToken, "expected an equation such as 'd\(name.name)/dt = …' after ':'", at: errorLocation)
                return nil
            }
            equation = parseEquation()
        }
        return VariableDecl(role: role, name: name, unit: unit, initial: initial, equation: equation,
                            range: range(from: keyword.range))
    }

    private mutating func parseAlias() -> Member.Kind? {
        advance()
        guard let name = parseName("a named expression") else { return nil }
        guard expect(.equals, "after the name of '\(name.name)'") != nil else { return nil }
        return .alias(name: name, value: parseExpression())
    }

    /// `dv/dt = rhs`, at the derivative token.
    mutating func parseEquation() -> Equation? {
        let derivative = advance()
        let variable = Identifier(derivative.text, derivative.range)
        guard expect(.equals, "after 'd\(derivative.text)/dt'") != nil else { return nil }
        let rhs = parseExpression()
        return Equation(variable: variable, rhs: rhs, range: range(from: derivative.range))
    }

    /// `on event [(params)] { … }`, at `on`.
    mutating func parseHandler() -> EventHandler? {
        let keyword = advance()
        guard let event = parseLabel("an event name (pre, post, reward or spike) after 'on'") else { return nil }
        var parameters: [Identifier] = []
        if let open = eat(.leftParen) {
            openBrackets.append(open)
            while !at(.rightParen), !atItemStart {
                guard let parameter = parseName("a parameter of 'on \(event.name)'") else { break }
                parameters.append(parameter)
                if eat(.comma) == nil { break }
            }
            close(open, with: .rightParen, "the parameters of 'on \(event.name)'")
            openBrackets.removeLast()
        }
        skipLineBreak(before: .leftBrace)
        guard at(.leftBrace) else {
            error(.expectedToken, "expected '{' to open the body of 'on \(event.name)', found \(current.displayName)",
                  at: errorLocation)
            return nil
        }
        let body = parseBlock("the body of 'on \(event.name)'")
        return EventHandler(event: event, parameters: parameters, body: body, range: range(from: keyword.range))
    }

    // MARK: - Statement blocks

    /// `{ statement … }`, at the `{`.
    mutating func parseBlock(_ what: @autoclosure () -> String) -> [Statement] {
        let open = advance()
        return parseBody(open, what(), statements: true) { $0.parseStatement() }
    }

    private mutating func parseStatement() -> Statement? {
        if at(.if) { return parseConditional() }
        return parseAssignment()
    }

    private mutating func parseConditional() -> Statement? {
        let keyword = advance()
        guard enterNesting() else { nesting -= 1; return nil }
        defer { nesting -= 1 }
        let condition = parseExpression()
        skipLineBreak(before: .leftBrace)
        guard at(.leftBrace) else {
            error(.expectedToken, "expected '{' after the condition of 'if', found \(current.displayName)",
                  at: errorLocation)
            return nil
        }
        let then = parseBlock("the 'if' block")
        var otherwise: [Statement]?
        skipLineBreak(before: .keyword(.else))
        if eat(.else) != nil {
            skipLineBreak(before: .leftBrace)
            if at(.if) {
                otherwise = parseConditional().map { [$0] } ?? []
            } else if at(.leftBrace) {
                otherwise = parseBlock("the 'else' block")
            } else {
                error(.expectedToken, "expected '{' or 'if' after 'else', found \(current.displayName)",
                      at: errorLocation)
            }
        }
        return Statement(kind: .conditional(condition: condition, then: then, otherwise: otherwise),
                         range: range(from: keyword.range))
    }

    /// `target op value` where target is a variable (`v`, `post.v`).
    mutating func parseAssignment() -> Statement? {
        let target = parseExpression()
        if case .missing = target.kind { return nil }
        guard isAssignable(target) else {
            error(.invalidAssignmentTarget, "only a variable can be assigned to", at: target.range,
                  help: "write `name = value`, `name += value`, …")
            return nil
        }
        let op: AssignmentOperator
        switch currentKind {
        case .equals: op = .assign
        case .plusAssign: op = .add
        case .minusAssign: op = .subtract
        case .starAssign: op = .multiply
        case .slashAssign: op = .divide
        default:
            error(.expectedToken, "expected '=', '+=', '-=', '*=' or '/=' after the variable, found \(current.displayName)",
                  at: errorLocation)
            return nil
        }
        advance()
        skipNewlines()
        let value = parseExpression()
        return Statement(kind: .assignment(target: target, op: op, value: value), range: target.range.union(value.range))
    }

    private func isAssignable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name: return true
        case .member(let base, _): return isAssignable(base)
        default: return false
        }
    }
}
