// `snnc explain` material: every syntax code's wrong example produces that code, and its right example none.

import SNNSource
import SNNSyntax
import Testing

/// An example's bytes, with `\xHH` standing for a raw byte (for encodings a Swift string cannot hold).
func exampleBytes(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var rest = Substring(text)
    while let escape = rest.range(of: "\\x") {
        bytes += Array(rest[..<escape.lowerBound].utf8)
        let hex = rest[escape.upperBound...].prefix(2)
        bytes.append(UInt8(hex, radix: 16) ?? 0)
        rest = rest[rest.index(escape.upperBound, offsetBy: hex.count)...]
    }
    return bytes + Array(rest.utf8)
}

@Suite struct ExplanationTests {
    func codes(_ example: String) -> [String] {
        Parser.parse(SourceFile(id: FileID(0), path: "e.snn", bytes: exampleBytes(example))).diagnostics.map(\.code.rawValue)
    }

    @Test(arguments: SyntaxCode.allCases)
    func wrongExampleProducesTheCodeAndRightExampleIsClean(_ code: SyntaxCode) {
        let explanation = code.explanation
        #expect(codes(explanation.wrong).contains(code.rawValue), "wrong example of \(code.rawValue): \(codes(explanation.wrong))")
        #expect(codes(explanation.right).isEmpty, "right example of \(code.rawValue): \(codes(explanation.right))")
        #expect(explanation.text.count > 40)
    }
}
