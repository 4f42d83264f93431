// Line breaks before `{` and `else`: a brace on the next line (Allman style) and an `else` below the `}` of an
// `if` read exactly like the same-line forms; a line starting with `{` where nothing takes a block stays an error.

import SNNSource
import SNNSyntax
import Testing

/// The syntax tree of a text without ranges (so layouts compare), or its diagnostics' codes if it has any.
private func tree(_ text: String) -> String {
    let (parsed, file) = parse(text)
    guard parsed.diagnostics.isEmpty else { return "errors \(parsed.diagnostics.map(\.code.rawValue))" }
    return ASTDumper(file: file, includeRanges: false).dump(parsed.syntax)
}

@Suite struct LineBreakTests {
    @Test func aBraceOnTheNextLineOpensTheSameBodiesAndBlocks() {
        let sameLine = """
            neuron lif extends base {
              state v = 0 mV
              reset {
                if v > 1 mV { v = 0 mV } else if v < 0 mV { v = 1 mV } else { v += 1 mV }
              }
            }
            rule stdp {
              synaptic w = 0
              on pre { w += 1 }
              on reward(r) { w += r }
            }
            connect a -> b: all_to_all, weight = 1 on spike { v += w }
            train on data, epochs = 1 with surrogate(slope = 1) { present 10 ms }
            evaluate on data { present 10 ms }
            """
        let nextLine = """
            neuron lif extends base
            {
              state v = 0 mV
              reset
              {
                if v > 1 mV
                {
                  v = 0 mV
                }
                else if v < 0 mV
                {
                  v = 1 mV
                }
                else
                {
                  v += 1 mV
                }
              }
            }
            rule stdp    # a comment and a blank line may come between

            {
              synaptic w = 0
              on pre
              { w += 1 }
              on reward(r)
              {
                w += r
              }
            }
            connect a -> b: all_to_all, weight = 1 on spike
            { v += w }
            train on data, epochs = 1 with surrogate(slope = 1)
            { present 10 ms }
            evaluate on data
            {
              present 10 ms
            }
            """
        #expect(!tree(sameLine).hasPrefix("errors"), "\(tree(sameLine))")
        #expect(tree(nextLine) == tree(sameLine))
    }

    @Test func elseMayStartTheLineAfterTheClosingBrace() {
        let sameLine = "rule r {\n  on pre {\n    if a { w = 1 } else { w = 2 }\n  }\n}"
        let nextLine = "rule r {\n  on pre {\n    if a {\n      w = 1\n    }\n    else {\n      w = 2\n    }\n  }\n}"
        #expect(tree(nextLine) == tree(sameLine))
        let reward = "train on d { reward 1 when ok else -1 }"
        #expect(tree("train on d {\n  reward 1 when ok\n    else -1\n}") == tree(reward))
    }

    @Test func aBraceWhereNoBlockIsTakenIsStillAnError() {
        #expect(tree("const x = 1\n{ present 10 ms }") == "errors [\"E0100\"]")
        #expect(tree("simulate 1 s\n{ present 10 ms }") == "errors [\"E0100\"]")
    }
}
