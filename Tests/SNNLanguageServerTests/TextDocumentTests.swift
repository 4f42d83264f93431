// TextDocument: byte offsets and protocol positions (UTF-16) both ways around non-ASCII text, and edits.

import Testing
import SNNLanguageServer
import SNNSource

@Suite struct TextDocumentTests {
    let text = "a Ω b\n🧠 x = 1 # é\nlast"

    @Test func positionsCountUTF16Units() {
        let document = TextDocument(uri: "file:///t.snn", version: 1, text: text)
        let file = document.file
        #expect(file.offset(of: LSPPosition(line: 0, character: 4)) == 5)          // after `Ω` (2 bytes, 1 unit)
        #expect(file.offset(of: LSPPosition(line: 1, character: 3)) == 12)         // after the emoji (4 bytes, 2 units)
        #expect(file.offset(of: LSPPosition(line: 1, character: 1)) == 7)          // inside the pair: its start
        #expect(file.offset(of: LSPPosition(line: 1, character: 99)) == 22)        // past the end: the line's end
        #expect(file.offset(of: LSPPosition(line: 3, character: 0)) == nil)
        #expect(file.offset(of: LSPPosition(line: 9, character: 0), clamping: true) == file.bytes.count)
        #expect(file.lspPosition(of: 12) == LSPPosition(line: 1, character: 3))
        #expect(file.lspPosition(of: 22) == LSPPosition(line: 1, character: 12))
    }

    @Test func incrementalEditsAcrossLines() {
        var document = TextDocument(uri: "file:///t.snn", version: 1, text: text)
        let applied = document.apply(["range": range(0, 2, 1, 2), "text": "Ω\n🧠🧠"], version: 2)
        #expect(applied)
        #expect(String(decoding: document.bytes, as: UTF8.self) == "a Ω\n🧠🧠 x = 1 # é\nlast")
        let replaced = document.apply(["text": "new"], version: 3)
        #expect(replaced && document.version == 3)
        #expect(String(decoding: document.bytes, as: UTF8.self) == "new")
        let ignored = !document.apply(["range": range(0, 0, 0, 1)], version: 4)         // no text: ignored
        #expect(ignored)
    }
}
