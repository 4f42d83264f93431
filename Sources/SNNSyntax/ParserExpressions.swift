// Parser: expressions (a Pratt parser over the precedence table of Grammar/snn.ebnf), argument lists,
// named calls such as `random(p = 0.02)`, bracketed lists, and units.

import SNNSource

extension Parser {
    // Binding powers, lowest first. `not` binds looser than comparisons; unary minus looser than `^`.
    private static let orPower = 1, andPower = 2, comparisonPower = 4, rangePower = 5
    private static let additivePower = 6, multiplicativePower = 7, unaryPower = 8, powerPower = 9

    mutating func parseExpression() -> Expr { parseBinary(0) }

    private func binaryOperator(_ kind: TokenKind) -> (BinaryOperator?, Int)? {
        switch kind {
        case .keyword(.or): return (.or, Parser.orPower)
        case .keyword(.and): return (.and, Parser.andPower)
        case .equal: return (.equal, Parser.comparisonPower)
        case .notEqual: return (.notEqual, Parser.comparisonPower)
        case .less: return (.less, Parser.comparisonPower)
        case .lessEqual: return (.lessEqual, Parser.comparisonPower)
        case .greater: return (.greater, Parser.comparisonPower)
        case .greaterEqual: return (.greaterEqual, Parser.comparisonPower)
        case .dotDot: return (nil, Parser.rangePower)
        case .plus: return (.add, Parser.additivePower)
        case .minus: return (.subtract, Parser.additivePower)
        case .star: return (.multiply, Parser.multiplicativePower)
        case .slash: return (.divide, Parser.multiplicativePower)
        case .caret: return (.power, Parser.powerPower)
        default: return nil
        }
    }

    private mutating func parseBinary(_ minimumPower: Int) -> Expr {
        guard enterNesting() else { nesting -= 1; lastExpressionDepth = 1; return missingExpression() }
        defer { nesting -= 1 }
        var left = parsePrefix(minimumPower)
        var leftDepth = lastExpressionDepth
        var previousWasComparison = false, previousWasRange = false
        defer { lastExpressionDepth = leftDepth }
        while let (op, power) = binaryOperator(currentKind), power >= minimumPower {
            let opToken = advance()
            skipNewlines()                                  // an operator at the end of a line continues it
            if power == Parser.comparisonPower, previousWasComparison {
                error(.chainedComparison, "comparisons cannot be chained", at: opToken.range,
                      help: "combine them with 'and', e.g. `a < b and b < c`")
            } else if op == nil, previousWasRange {
                error(.chainedComparison, "ranges cannot be chained", at: opToken.range,
                      help: "a range has one start and one end: `first..last`")
            }
            // `^` is right-associative; everything else is left-associative.
            let right = parseBinary(op == .power ? power : power + 1)
            let depth = max(leftDepth, lastExpressionDepth) + 1
            if depth > Parser.expressionDepthLimit {
                error(.nestingTooDeep, "expression has more than \(Parser.expressionDepthLimit) levels of operators",
                      at: opToken.range, help: "split it into named parts with `let` or `const`")
                continue                                    // keep reading the expression, stop growing the tree
            }
            leftDepth = depth
            let range = left.range.union(right.range)
            left = op.map { Expr(.binary($0, left, right), range) } ?? Expr(.range(left, right), range)
            previousWasComparison = power == Parser.comparisonPower
            previousWasRange = op == nil
        }
        return left
    }

    private mutating func parsePrefix(_ minimumPower: Int) -> Expr {
        let token = current
        switch token.kind {
        case .keyword(.not) where minimumPower > Parser.comparisonPower:
            error(.expectedExpression, "'not' cannot stand inside an arithmetic expression", at: token.range,
                  help: "put the negation in parentheses: `(not x)`")
            return missingExpression()
        case .keyword(.not):
            advance()
            let operand = parseBinary(Parser.comparisonPower)
            lastExpressionDepth += 1
            return Expr(.unary(.not, operand), token.range.union(operand.range))
        case .minus, .plus:
            advance()
            let operand = parseBinary(Parser.powerPower)
            lastExpressionDepth += 1
            return Expr(.unary(token.kind == .minus ? .negate : .plus, operand), token.range.union(operand.range))
        default:
            return parsePostfix(parsePrimary())
        }
    }

    private mutating func parsePostfix(_ base: Expr) -> Expr {
        var expr = base
        var depth = lastExpressionDepth
        defer { lastExpressionDepth = depth }
        while true {
            switch currentKind {
            case .leftParen:
                let arguments = parseArguments("the call")
                expr = Expr(.call(callee: expr, arguments: arguments), range(from: expr.range))
            case .leftBracket:
                let indices = parseBracketList("the index")
                expr = Expr(.index(expr, indices), range(from: expr.range))
            case .dot:
                advance()
                guard let member = parseLabel("a member name after '.'") else { return expr }
                lastExpressionDepth = 0
                expr = Expr(.member(expr, member), expr.range.union(member.range))
            default:
                return expr
            }
            depth = max(depth, lastExpressionDepth) + 1
            guard depth <= Parser.expressionDepthLimit else {
                error(.nestingTooDeep, "expression has more than \(Parser.expressionDepthLimit) levels of calls and members",
                      at: expr.range.endPoint, help: "split it into named parts with `let` or `const`")
                return Expr(.missing, expr.range)
            }
        }
    }

    private mutating func parsePrimary() -> Expr {
        let token = current
        lastExpressionDepth = 1
        switch token.kind {
        case .number:
            advance()
            let value = NumberValue.of(token.text) ?? 0
            if at(.unit) {
                let unitToken = advance()
                let unit = unitExpr(from: unitToken)
                return Expr(.quantity(value: value, text: token.text, unit: unit), token.range.union(unitToken.range))
            }
            return Expr(.number(value: value, text: token.text), token.range)
        case .string:
            advance()
            return Expr(.string(token.text), token.range)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expr(.boolean(token.kind == .keyword(.true)), token.range)
        case .identifier:
            advance()
            return Expr(.name(token.text), token.range)
        case .leftParen:
            let open = advance()
            openBrackets.append(open)
            defer { openBrackets.removeLast() }
            let inner = parseExpression()
            close(open, with: .rightParen, "the parenthesised expression")
            return Expr(inner.kind, range(from: open.range))
        case .leftBracket:
            let elements = parseBracketList("the list")
            lastExpressionDepth += 1
            return Expr(.list(elements), range(from: token.range))
        case .derivative:
            advance()
            error(.derivativeInExpression, "'d\(token.text)/dt' can only stand on the left of an equation",
                  at: token.range, help: "write the equation as `d\(token.text)/dt = …` on its own line")
            return Expr(.missing, token.range)
        default:
            if let open = openBrackets.last, atItemStart {
                unclosed(open, open.kind == .leftParen ? .rightParen : .rightBracket, "'\(open.kind.spelling)'")
            } else {
                error(.expectedExpression, "expected an expression, found \(token.displayName)", at: errorLocation)
            }
            return missingExpression()
        }
    }

    mutating func missingExpression() -> Expr { Expr(.missing, errorLocation) }

    // MARK: - Argument lists and calls

    /// `( [argument { , argument } [,]] )`, at the `(`.
    mutating func parseArguments(_ what: @autoclosure () -> String) -> [Argument] {
        let open = advance()
        openBrackets.append(open)
        defer { openBrackets.removeLast() }
        var arguments: [Argument] = []
        var deepest = 0
        defer { lastExpressionDepth = deepest }
        while !at(.rightParen), !atItemStart {
            let before = position
            arguments.append(parseArgument())
            deepest = max(deepest, lastExpressionDepth)
            if eat(.comma) == nil || position == before { break }
        }
        close(open, with: .rightParen, "the argument list of \(what())")
        return arguments
    }

    /// `label = value` or a positional `value`.
    mutating func parseArgument() -> Argument {
        if atLabel, peekKind(1) == .equals {
            let labelToken = advance()
            advance()
            skipNewlines()
            let value = parseExpression()
            return Argument(label: Identifier(labelToken.text, labelToken.range), value: value,
                            range: labelToken.range.union(value.range))
        }
        let value = parseExpression()
        return Argument(label: nil, value: value, range: value.range)
    }

    /// Comma-separated arguments without parentheses (after `with`, or after `train on data,`).
    mutating func parseArgumentSequence() -> [Argument] {
        var arguments = [parseArgument()]
        while eat(.comma) != nil || settingFollowsWithoutComma() {
            skipNewlines()
            arguments.append(parseArgument())
        }
        return arguments
    }

    /// After a value: whether a `name = value` setting follows on the same line without the `,` it needs.
    /// The missing comma is reported with a fix-it; true when the setting can still be read. Before a plain
    /// name the number reads it as its unit (`2 delay = 1 ms`), so the name is gone and false is returned.
    mutating func settingFollowsWithoutComma() -> Bool {
        if atLabel, peekKind(1) == .equals {
            error(.expectedToken, "expected ',' before the setting '\(current.text) = …'", at: current.range,
                  help: "settings are separated by commas", fixIts: [FixIt(replace: insertionPoint, with: ",")])
            return true
        }
        let previous = tokens[position - 1]
        if at(.equals), previous.kind == .unit, previous.text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            let number = tokens[position - 2]
            let digits = file.text(in: number.range.startOffset..<number.range.endOffset)
            error(.expectedToken, "expected ',' before the setting '\(previous.text) = …'; without it, "
                      + "'\(previous.text)' is read as the unit of \(digits)",
                  at: previous.range, help: "settings are separated by commas",
                  fixIts: [FixIt(replace: number.range.endPoint, with: ",")])
        }
        return false
    }

    /// `[ expr { , expr } ]`, at the `[`.
    mutating func parseBracketList(_ what: @autoclosure () -> String) -> [Expr] {
        let open = advance()
        openBrackets.append(open)
        defer { openBrackets.removeLast() }
        var elements: [Expr] = []
        var deepest = 0
        defer { lastExpressionDepth = deepest }
        while !at(.rightBracket), !atItemStart {
            let before = position
            elements.append(parseExpression())
            deepest = max(deepest, lastExpressionDepth)
            if eat(.comma) == nil || position == before { break }
        }
        close(open, with: .rightBracket, what())
        return elements
    }

    /// A name with optional arguments: `all_to_all`, `random(p = 0.02)`.
    mutating func parseCall(_ what: @autoclosure () -> String) -> CallSyntax? {
        guard let name = parseName(what()) else { return nil }
        let arguments = at(.leftParen) ? parseArguments("'\(name.name)'") : nil
        return CallSyntax(name: name, arguments: arguments, range: range(from: name.range))
    }

    // MARK: - Units

    /// Splits a unit token (`mV/ms`, `mS/cm^2`, `%`) into factors with exponents.
    func unitExpr(from token: Token) -> UnitExpr {
        let isOperator = { (byte: UInt8) in byte == UInt8(ascii: "/") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "^") }
        if !token.text.isEmpty, !token.text.utf8.contains(where: isOperator) {   // one factor: the token's own text
            let name = Identifier(token.text, SourceRange(file: file.id, start: token.range.startOffset,
                                                          end: token.range.startOffset + token.text.utf8.count))
            return UnitExpr(factors: [.init(name: name, exponent: 1)], text: token.text, range: token.range)
        }
        var factors: [UnitExpr.Factor] = []
        let bytes = Array(token.text.utf8)
        var index = 0, sign = 1
        while index < bytes.count {
            let start = index
            while index < bytes.count, !isOperator(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            var exponent = 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "^") {
                let digitsStart = index + 1
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "*") { index += 1 }
                exponent = Int(String(decoding: bytes[digitsStart..<index], as: UTF8.self)) ?? 1
            }
            let offset = token.range.startOffset
            factors.append(.init(name: Identifier(name, SourceRange(file: file.id, start: offset + start,
                                                                     end: offset + start + name.utf8.count)),
                                 exponent: exponent * sign))
            if index < bytes.count {
                sign = bytes[index] == UInt8(ascii: "/") ? -1 : 1
                index += 1
            }
        }
        return UnitExpr(factors: factors, text: token.text, range: token.range)
    }

    /// A unit written on its own after `:` in a declaration: `mV`, `mV/ms`, `uF/cm^2`, `1`.
    mutating func parseUnitAnnotation() -> UnitExpr? {
        let start = current
        var factors: [UnitExpr.Factor] = []
        var sign = 1
        if start.kind == .number, start.text == "1" {
            advance()
            return UnitExpr(factors: [], text: "1", range: start.range)
        }
        while true {
            guard currentKind == .identifier else {
                error(.expectedUnit, "expected a unit, found \(current.displayName)", at: errorLocation,
                      help: "write a unit such as `mV`, `nA`, `mV/ms` or `1` for dimensionless")
                return nil
            }
            let name = advance()
            var exponent = 1
            if eat(.caret) != nil {
                let negative = eat(.minus) != nil
                guard at(.number), let value = Int(current.text) else {
                    error(.expectedUnit, "expected an integer exponent after '^'", at: errorLocation)
                    return nil
                }
                advance()
                exponent = negative ? -value : value
            }
            factors.append(.init(name: Identifier(name.text, name.range), exponent: exponent * sign))
            if at(.slash) || at(.star) {
                sign = advance().kind == .slash ? -1 : 1
                continue
            }
            break
        }
        let unitRange = range(from: start.range)
        return UnitExpr(factors: factors, text: file.text(in: unitRange.startOffset..<unitRange.endOffset),
                        range: unitRange)
    }
}
