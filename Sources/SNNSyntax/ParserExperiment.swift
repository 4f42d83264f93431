// Parser: the experiment statements — simulate, record, train and evaluate (with their phase blocks),
// assign labels (with its own labelling pass and block), save and load; `freeze` in a phase block or, for the
// checker to report, on its own.

import SNNSource

extension Parser {
    mutating func parseSimulate() -> SimulateStmt? {
        let keyword = advance()
        let duration = parseExpression()
        let options = eat(.with) != nil ? parseArgumentSequence() : []
        return SimulateStmt(duration: duration, options: options, range: range(from: keyword.range))
    }

    mutating func parseRecord() -> RecordStmt? {
        let keyword = advance()
        var variables: [Identifier] = []
        repeat {
            guard let variable = parseLabel("what to record (spikes, a state variable, weights)") else { return nil }
            variables.append(variable)
        } while eat(.comma) != nil
        guard expect(.of, "before the populations to record") != nil else { return nil }
        let targets = parseTargets()
        guard !targets.isEmpty else { return nil }
        let options = eat(.with) != nil ? parseArgumentSequence() : []
        return RecordStmt(variables: variables, targets: targets, options: options, range: range(from: keyword.range))
    }

    /// `endpoint [-> endpoint] { , … }`
    private mutating func parseTargets() -> [Target] {
        var targets: [Target] = []
        repeat {
            guard let source = parseEndpoint("a population") else { return [] }
            let destination = eat(.arrow) != nil ? parseEndpoint("the target population of the connection") : nil
            targets.append(Target(source: source, destination: destination, range: range(from: source.range)))
        } while eat(.comma) != nil
        return targets
    }

    mutating func parseTrain() -> TrainStmt? {
        let keyword = advance()
        guard expect(.on, "after 'train' (train on DATASET)") != nil else { return nil }
        let data = parseExpression()
        let options = eat(.comma) != nil ? parseArgumentSequence() : []
        skipLineBreak(before: .keyword(.with))    // `with gradient(…)` may start the next line
        let method = eat(.with) != nil ? parseCall("a training method") : nil
        skipLineBreak(before: .leftBrace)
        let phases = at(.leftBrace) ? parsePhaseBlock("train") : nil
        return TrainStmt(data: data, options: options, method: method, phases: phases, range: range(from: keyword.range))
    }

    mutating func parseEvaluate() -> EvaluateStmt? {
        let keyword = advance()
        guard expect(.on, "after 'evaluate' (evaluate on DATASET)") != nil else { return nil }
        let data = parseExpression()
        let options = eat(.comma) != nil ? parseArgumentSequence() : []
        skipLineBreak(before: .leftBrace)
        let phases = at(.leftBrace) ? parsePhaseBlock("evaluate") : nil
        return EvaluateStmt(data: data, options: options, phases: phases, range: range(from: keyword.range))
    }

    private mutating func parsePhaseBlock(_ owner: String) -> [PhaseStmt] {
        let open = advance()
        return parseBody(open, "the '\(owner)' block", commas: true) { $0.parsePhase() }
    }

    private mutating func parsePhase() -> PhaseStmt? {
        let first = current
        let kind: PhaseStmt.Kind
        if atLabel, peekKind(1) == .equals {
            advance(); advance()
            kind = .setting(name: Identifier(first.text, first.range), value: parseExpression())
        } else if at(.present) {
            advance()
            kind = .present(parseExpression())
        } else if at(.rest) {
            advance()
            kind = .rest(parseExpression())
        } else if at(.reward) {
            advance()
            let value = parseExpression()
            var condition: Expr?, otherwise: Expr?
            if eat(.when) != nil {
                condition = parseExpression()
                skipLineBreak(before: .keyword(.else))
                guard expect(.else, "after the reward's condition (reward R when C else R2)") != nil else { return nil }
                otherwise = parseExpression()
            }
            kind = .reward(value: value, condition: condition, otherwise: otherwise)
        } else if at(.boost) {
            advance()
            if at(.rate), peekKind(1) == .keyword(.by) {
                error(.expectedName, "expected the input to boost before 'rate': 'input' or the name of an input",
                      at: current.range, help: "write `boost input rate by … while …`",
                      fixIts: [FixIt(replace: current.range.startPoint, with: "input ")])
                return nil
            }
            guard let target = at(.input) ? parseLabel("input") : parseName("the input to boost") else { return nil }
            expect(.rate, "after the input to boost (boost input rate by … while …)")
            guard expect(.by, "before the rate increase") != nil else { return nil }
            let amount = parseExpression()
            guard expect(.while, "before the condition of the boost") != nil else { return nil }
            kind = .boost(target: target, amount: amount, condition: parseExpression())
        } else if at(.freeze) {
            guard let freeze = parseFreeze() else { return nil }
            kind = .freeze(freeze)
        } else {
            error(.expectedPhaseStatement, "expected a phase statement, found \(first.displayName)", at: first.range,
                  help: "a train, evaluate or assign labels block holds: present T, rest T, reward R [when C else R2], "
                      + "boost input rate by X while C, freeze VARIABLE of POPULATION, name = value")
            synchronizeMember()
            return nil
        }
        return PhaseStmt(kind: kind, range: range(from: first.range))
    }

    mutating func parseAssignLabels() -> AssignLabelsStmt? {
        let keyword = advance()
        expect(.labels, "after 'assign' (assign labels by METHOD of POPULATION)")
        guard expect(.by, "before the assignment method") != nil else { return nil }
        var method: [Identifier] = []
        while !at(.of), !atSeparator {
            guard let word = parseName("the assignment method") else { return nil }
            method.append(word)
        }
        if method.isEmpty {
            error(.expectedName, "expected the assignment method (e.g. 'mean response') after 'by'", at: errorLocation)
            return nil
        }
        guard expect(.of, "before the population whose labels are assigned") != nil,
              let population = parseEndpoint("a population") else { return nil }
        var data: Expr?, options: [Argument] = [], phases: [PhaseStmt]?
        if eat(.on) != nil {
            data = parseExpression()
            options = eat(.comma) != nil ? parseArgumentSequence() : []
            skipLineBreak(before: .leftBrace)
            phases = at(.leftBrace) ? parsePhaseBlock("assign labels") : nil
        } else if at(.leftBrace) {
            error(.expectedToken, "expected 'on' and the samples of the labelling pass before the block, found '{'",
                  at: current.range,
                  help: "write `assign labels by mean response of \(population.name.name) on DATASET { … }`; without "
                      + "`on`, labels come from the responses of the last training epoch and take no block")
            return nil
        }
        return AssignLabelsStmt(method: method, population: population, data: data, options: options, phases: phases,
                                range: range(from: keyword.range))
    }

    /// `freeze VARIABLE of POPULATION`.
    mutating func parseFreeze() -> FreezeStmt? {
        let keyword = advance()
        guard let variable = parseName("the state variable to freeze"),
              expect(.of, "before the population whose variable is frozen (freeze theta of exc)") != nil,
              let population = parseName("the population whose variable is frozen") else { return nil }
        return FreezeStmt(variable: variable, population: population, range: range(from: keyword.range))
    }

    /// `save WHAT [of TARGETS] to PATH` or `load WHAT [of TARGETS] from PATH`.
    mutating func parseTransfer(_ direction: Keyword) -> TransferStmt? {
        let keyword = advance()
        guard let what = parseLabel("what to \(direction.rawValue) (weights, state)") else { return nil }
        let targets = eat(.of) != nil ? parseTargets() : []
        let preposition: Keyword = direction == .save ? .to : .from
        guard expect(preposition, "before the file path") != nil else { return nil }
        let path = parseExpression()
        return TransferStmt(what: what, targets: targets, path: path, range: range(from: keyword.range))
    }
}
