// Parser: the network — populations, inputs, connections with their clauses — and datasets, splits, constants.

import SNNSource

extension Parser {
    mutating func parsePopulation() -> PopulationDecl? {
        let keyword = advance()
        guard let name = parseName("a population"), expect(.equals, "after the population's name") != nil,
              let model = parseModelRef("a neuron model") else { return nil }
        return PopulationDecl(name: name, model: model, range: range(from: keyword.range))
    }

    mutating func parseInput() -> InputDecl? {
        let keyword = advance()
        guard let name = parseName("an input"), expect(.equals, "after the input's name") != nil,
              let encoder = parseModelRef("an encoder") else { return nil }
        return InputDecl(name: name, encoder: encoder, range: range(from: keyword.range))
    }

    /// `name [( arguments )] [[ shape ]]`
    private mutating func parseModelRef(_ what: @autoclosure () -> String) -> ModelRef? {
        guard let call = parseCall(what()) else { return nil }
        let shape = at(.leftBracket) ? parseBracketList("the shape") : []
        return ModelRef(call: call, shape: shape, range: range(from: call.range))
    }

    // MARK: - Connections

    mutating func parseConnect() -> ConnectDecl? {
        let keyword = advance()
        let sources = parseEndpoints("a source population")
        guard !sources.isEmpty, expect(.arrow, "between the sources and the targets of the connection") != nil else {
            return nil
        }
        let targets = parseEndpoints("a target population")
        guard !targets.isEmpty,
              expect(.colon, "after the targets, followed by the connection pattern (all_to_all, random(p = …), …)") != nil,
              let pattern = parseCall("a connection pattern") else { return nil }
        var clauses: [ConnectClause] = []
        while continuesConnection() {
            guard let clause = parseConnectClause() else { break }
            clauses.append(clause)
        }
        return ConnectDecl(sources: sources, targets: targets, pattern: pattern, clauses: clauses,
                           range: range(from: keyword.range))
    }

    /// Consumes what leads to the next clause (a comma, or a line break before `learn`/`normalize`/`on`)
    /// and tells whether one follows. A `name = value` clause needs its comma; a missing one is reported.
    private mutating func continuesConnection() -> Bool {
        if eat(.comma) != nil {
            skipNewlines()
            return true
        }
        if settingFollowsWithoutComma() { return true }
        var index = position
        while tokens[index].kind == .newline { index += 1 }
        let next = tokens[index]
        let startsClause = next.kind == .keyword(.learn) || next.kind == .keyword(.normalize) || next.kind == .keyword(.on)
        if startsClause { position = index }
        return startsClause
    }

    private mutating func parseConnectClause() -> ConnectClause? {
        let first = current
        switch first.kind {
        case .keyword(.learn):
            advance()
            guard let rule = parseCall("a learning rule") else { return nil }
            return ConnectClause(kind: .learn(rule), range: range(from: first.range))
        case .keyword(.normalize):
            advance()
            guard at(.incoming) || at(.outgoing) else {
                error(.expectedToken, "expected 'incoming' or 'outgoing' after 'normalize', found \(current.displayName)",
                      at: errorLocation)
                return nil
            }
            let direction = advance()
            guard expect(.to, "before the total weight") != nil else { return nil }
            let total = parseExpression()
            return ConnectClause(kind: .normalize(direction: Identifier(direction.text, direction.range), total: total),
                                 range: range(from: first.range))
        case .keyword(.on):
            guard peekKind(1) == .identifier, tokens[position + 1].text == ContextualKeyword.spike.rawValue else {
                error(.misplacedMember, "a connection reacts to presynaptic spikes with 'on spike { … }'",
                      at: tokens[position + 1].range,
                      help: "'on pre', 'on post' and 'on reward' handlers belong in a learning rule")
                return nil
            }
            return parseHandler().map { ConnectClause(kind: .onSpike($0), range: $0.range) }
        default:
            guard atLabel, peekKind(1) == .equals else {
                error(.expectedToken,
                      "expected a connection clause (weight = …, delay = …, learn …, normalize …, on spike { … }), found \(first.displayName)",
                      at: errorLocation)
                return nil
            }
            let argument = parseArgument()
            return ConnectClause(kind: .argument(argument), range: argument.range)
        }
    }

    /// `name [[ slice ]] { , name [[ slice ]] }`
    private mutating func parseEndpoints(_ what: @autoclosure () -> String) -> [Endpoint] {
        var endpoints: [Endpoint] = []
        repeat {
            guard let endpoint = parseEndpoint(what()) else { return [] }
            endpoints.append(endpoint)
        } while eat(.comma) != nil
        return endpoints
    }

    mutating func parseEndpoint(_ what: @autoclosure () -> String) -> Endpoint? {
        guard let name = parseName(what()) else { return nil }
        let slice = at(.leftBracket) ? parseBracketList("the slice of '\(name.name)'") : nil
        return Endpoint(name: name, slice: slice, range: range(from: name.range))
    }

    // MARK: - Data and constants

    mutating func parseDataset() -> DatasetDecl? {
        let keyword = advance()
        guard let name = parseName("a dataset"), expect(.equals, "after the dataset's name") != nil,
              let source = parseCall("a dataset reader (csv, idx)") else { return nil }
        if source.arguments == nil {
            error(.expectedToken, "expected '(' and the file to read after '\(source.name.name)'", at: errorLocation,
                  help: "for example `csv(\"iris.csv\", label = species)`")
            return nil
        }
        return DatasetDecl(name: name, source: source, range: range(from: keyword.range))
    }

    mutating func parseSplit() -> SplitDecl? {
        let keyword = advance()
        guard let dataset = parseName("the dataset to split"), expect(.colon, "after the dataset's name") != nil else {
            return nil
        }
        var parts: [SplitPart] = []
        repeat {
            skipNewlines()
            guard let name = parseLabel("a part name (train, test, …) or an option (shuffle, seed = …)") else { break }
            if eat(.equals) != nil {
                let value = parseExpression()
                parts.append(SplitPart(name: name, value: value, isOption: true, range: name.range.union(value.range)))
            } else if at(.comma) || atSeparator {
                parts.append(SplitPart(name: name, value: nil, isOption: true, range: name.range))
            } else {
                let value = parseExpression()
                parts.append(SplitPart(name: name, value: value, isOption: false, range: name.range.union(value.range)))
            }
        } while eat(.comma) != nil
        return SplitDecl(dataset: dataset, parts: parts, range: range(from: keyword.range))
    }

    mutating func parseConst() -> ConstDecl? {
        let keyword = advance()
        guard let name = parseName("a constant"), expect(.equals, "after the constant's name") != nil else { return nil }
        let value = parseExpression()
        return ConstDecl(name: name, value: value, range: range(from: keyword.range))
    }
}
