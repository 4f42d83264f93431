// Alignment: columns across consecutive lines of one indentation (no blank or comment line between them).
// Members or items sharing lines with `;` form a table whose cells start in common columns, two spaces after
// the widest cell before them; runs of equations (`dv/dt = …`), of `let` lines and of variables with an
// inline equation (`pre x: dx/dt = …`) line up their `=` or their equation. A comment at the end of a line
// keeps the column it had (counted from the line's indentation) when the code leaves room for it.

import SNNSyntax

enum Alignment {
    private enum RunKind: Equatable { case table, equation, alias, inlineEquation }

    static func apply(_ lines: inout [LayoutLine]) {
        var runStart = 0
        for index in lines.indices {
            let kind = anchors(lines[index])?.kind
            if index > runStart, continuesRun(lines, index) && kind == anchors(lines[runStart])?.kind { continue }
            align(&lines, runStart..<index)
            runStart = index
        }
        align(&lines, runStart..<lines.count)
        alignComments(&lines)
    }

    private static func continuesRun(_ lines: [LayoutLine], _ index: Int) -> Bool {
        lines[index].blankLinesBefore == 0 && lines[index].indent == lines[index - 1].indent
    }

    /// The pieces of a line that start aligned columns, and the kind of run the line belongs to.
    private static func anchors(_ line: LayoutLine) -> (kind: RunKind, pieces: [Int])? {
        guard !line.isCommentOnly, !line.spansLines else { return nil }
        let pieces = line.pieces
        let cells = pieces.indices.dropFirst().filter { k in
            pieces[k - 1].kind == .token(.semicolon) && !pieces[k - 1].isNested
                && !pieces[k].isComment && pieces[k].kind != .token(.semicolon)
        }
        if !cells.isEmpty { return (.table, cells) }
        func kind(_ k: Int) -> Piece.Kind? { k < pieces.count ? pieces[k].kind : nil }
        if kind(0) == .token(.derivative), kind(1) == .token(.equals) { return (.equation, [1]) }
        if kind(0) == .token(.keyword(.let)), kind(1) == .token(.identifier), kind(2) == .token(.equals) {
            return (.alias, [2])
        }
        if let k = pieces.indices.dropFirst().first(where: { kind($0) == .token(.derivative) && kind($0 - 1) == .token(.colon) }),
           !pieces[k].isNested {
            return (.inlineEquation, [k])
        }
        return nil
    }

    private static func align(_ lines: inout [LayoutLine], _ run: Range<Int>) {
        guard run.count > 1, let kind = anchors(lines[run.lowerBound])?.kind else { return }
        let rows = run.map { ($0, anchors(lines[$0])!.pieces) }
        let minimumGap = kind == .table ? 2 : 1
        for column in 0..<(rows.map(\.1.count).max() ?? 0) {
            let cells = rows.filter { $0.1.count > column }.map { ($0.0, $0.1[column]) }
            let target = cells.map { lines[$0.0].end(of: $0.1 - 1) + minimumGap }.max()!
            for (line, piece) in cells { lines[line].gaps[piece] = target - lines[line].end(of: piece - 1) }
        }
    }

    /// A comment at the end of a line keeps its column (from the indentation) where the code leaves room for it.
    private static func alignComments(_ lines: inout [LayoutLine]) {
        for index in lines.indices where lines[index].hasTrailingComment && !lines[index].spansLines {
            let last = lines[index].pieces.count - 1
            let code = lines[index].end(of: last - 1)
            let column = max(code + 2, lines[index].indent + lines[index].commentOffset!)
            lines[index].gaps[last] = column - code
        }
    }
}
