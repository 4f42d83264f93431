// SyntaxFacts: what the layout needs from the syntax tree — where each item, member, statement and phase
// statement starts (a line starting there is not a continuation), which names act as keywords before an
// expression (`reward -1`, `refractory (t)`, a split part's `train 80%`), and the lines of neuron and rule
// declarations and the model header (blank lines around them).

import SNNSyntax

struct SyntaxFacts {
    /// Byte offsets where an item, member, block statement or phase statement begins.
    private(set) var statementStarts: Set<Int> = []
    /// Byte offsets of names that introduce an expression, as a keyword would.
    private(set) var keywordLikeNames: Set<Int> = []
    /// Byte ranges (start, end) of the model header and of neuron and rule declarations.
    private(set) var standaloneItems: [(start: Int, end: Int)] = []

    init(_ file: SourceFileSyntax) {
        if let header = file.model {
            statementStarts.insert(header.range.startOffset)
            standaloneItems.append((header.range.startOffset, header.range.endOffset))
        }
        for item in file.items { collect(item) }
    }

    private mutating func collect(_ item: Item) {
        statementStarts.insert(item.range.startOffset)
        switch item.kind {
        case .neuron(let neuron):
            standaloneItems.append((item.range.startOffset, item.range.endOffset))
            neuron.members.forEach { collect($0) }
        case .rule(let rule):
            standaloneItems.append((item.range.startOffset, item.range.endOffset))
            rule.members.forEach { collect($0) }
        case .connect(let connect):
            for clause in connect.clauses {
                if case .onSpike(let handler) = clause.kind { handler.body.forEach { collect($0) } }
            }
        case .split(let split):
            for part in split.parts where part.value != nil && !part.isOption {
                keywordLikeNames.insert(part.name.range.startOffset)
            }
        case .train(let train):
            train.phases?.forEach { collect($0) }
        case .evaluate(let evaluate):
            evaluate.phases?.forEach { collect($0) }
        case .assignLabels(let assign):
            assign.phases?.forEach { collect($0) }
        case .freeze:
            keywordLikeNames.insert(item.range.startOffset)
        case .population, .input, .dataset, .constant, .simulate, .record, .save, .load:
            break
        }
    }

    private mutating func collect(_ member: Member) {
        statementStarts.insert(member.range.startOffset)
        keywordLikeNames.insert(member.range.startOffset)
        switch member.kind {
        case .reset(let statements): statements.forEach { collect($0) }
        case .handler(let handler): handler.body.forEach { collect($0) }
        case .variable, .alias, .equation, .threshold, .refractory, .method: break
        }
    }

    private mutating func collect(_ statement: Statement) {
        statementStarts.insert(statement.range.startOffset)
        if case .conditional(_, let then, let otherwise) = statement.kind {
            then.forEach { collect($0) }
            otherwise?.forEach { collect($0) }
        }
    }

    private mutating func collect(_ phase: PhaseStmt) {
        statementStarts.insert(phase.range.startOffset)
        keywordLikeNames.insert(phase.range.startOffset)
    }
}
