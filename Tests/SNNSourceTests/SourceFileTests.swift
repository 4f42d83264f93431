// SourceFile: byte offsets to lines and columns (Unicode scalars, UTF-16), line texts, ranges.

import SNNSource
import Testing

@Suite struct SourceFileTests {
    @Test func linesAndColumnsOfASCII() {
        let file = SourceFile(id: FileID(0), path: "a.snn", text: "model m\nneuron x {\n}\n")
        #expect(file.lineCount == 4)
        #expect(file.position(of: 0) == SourcePosition(line: 1, column: 1, utf16Column: 0, offset: 0))
        #expect(file.position(of: 8).line == 2)
        #expect(file.position(of: 15) == SourcePosition(line: 2, column: 8, utf16Column: 7, offset: 15))
        #expect(file.lineText(1) == "neuron x {")
    }

    @Test func columnsCountScalarsAndUTF16UnitsSeparately() {
        // 'µ' is 2 bytes / 1 scalar / 1 UTF-16 unit; '𝜏' is 4 bytes / 1 scalar / 2 UTF-16 units.
        let file = SourceFile(id: FileID(0), path: "u.snn", text: "x = 1 µS + 𝜏z")
        let z = Array("x = 1 µS + 𝜏".utf8).count
        let position = file.position(of: z)
        #expect(position.column == 13)
        #expect(position.utf16Column == 13)
        let mu = Array("x = 1 ".utf8).count
        #expect(file.position(of: mu + 2).column == 8)
    }

    @Test func crlfLinesDropTheirCarriageReturn() {
        let file = SourceFile(id: FileID(0), path: "w.snn", text: "a\r\nbc\r\n")
        #expect(file.lineText(0) == "a")
        #expect(file.lineText(1) == "bc")
        #expect(file.position(of: 4).line == 2)
    }

    @Test func offsetsPastTheEndClampToTheLastPosition() {
        let file = SourceFile(id: FileID(0), path: "e.snn", text: "ab")
        #expect(file.position(of: 99) == SourcePosition(line: 1, column: 3, utf16Column: 2, offset: 2))
    }

    @Test func emptyFileHasOneLine() {
        let file = SourceFile(id: FileID(0), path: "empty.snn", text: "")
        #expect(file.lineCount == 1)
        #expect(file.lineText(0) == "")
    }

    @Test func rangeUnionCoversBoth() {
        let a = SourceRange(file: FileID(0), start: 3, end: 5), b = SourceRange(file: FileID(0), start: 9, end: 12)
        #expect(a.union(b) == SourceRange(file: FileID(0), start: 3, end: 12))
        #expect(b.startPoint.length == 0)
    }

    @Test func spellingSuggestsCloseWordsOnly() {
        #expect(Spelling.distance("kitten", "sitting") == 3)
        #expect(Spelling.closest(to: "neurn", in: ["neuron", "rule", "input"]) == "neuron")
        #expect(Spelling.closest(to: "tau_x", in: ["tau_m", "El"]) == "tau_m")
        #expect(Spelling.closest(to: "zzz", in: ["neuron", "rule"]) == nil)
    }
}
