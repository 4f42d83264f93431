// BlankLines: at most one blank line anywhere, none at the start of the file, after a line ending with `{` or
// before a line starting with `}`; exactly one around each neuron and rule declaration and after the model
// header. The comments directly above a declaration stay with it, so the blank line goes above them. A `##`
// doc comment at the end of a line documents what starts on the next line, so no blank line is added or
// removed below one: that would detach or attach it.

enum BlankLines {
    static func apply(_ lines: inout [LayoutLine], facts: SyntaxFacts) {
        for index in lines.indices {
            let opensBlock = index > 0 && lines[index - 1].lastToken?.kind == .token(.leftBrace)
            let closesBlock = lines[index].firstToken?.kind == .token(.rightBrace)
            let belowDoc = index > 0 && lines[index - 1].endsWithDocComment
            let removed = index == 0 || (opensBlock || closesBlock) && !belowDoc
            lines[index].blankLinesBefore = removed ? 0 : min(1, lines[index].blankLinesBefore)
        }
        var lineStarting: [Int: Int] = [:], lineEnding: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            if let first = line.firstToken { lineStarting[first.start] = index }
            if let last = line.lastToken { lineEnding[last.end] = index }
        }
        for item in facts.standaloneItems {
            if var top = lineStarting[item.start] {
                while top > 0, lines[top - 1].isCommentOnly, lines[top].blankLinesBefore == 0 { top -= 1 }
                if top > 0, !lines[top - 1].endsWithDocComment { lines[top].blankLinesBefore = 1 }
            }
            if let bottom = lineEnding[item.end], bottom + 1 < lines.count, !lines[bottom].endsWithDocComment {
                lines[bottom + 1].blankLinesBefore = 1
            }
        }
    }
}
