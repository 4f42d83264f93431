// The long explanation of every syntax diagnostic code (`snnc explain E0102`): what it means, how to fix it,
// and a wrong and a right example. A test checks that each wrong example yields its code and each right one
// parses clean, so the examples cannot go stale. `\xHH` in an example stands for a raw byte.

import SNNSource

extension SyntaxCode {
    public var explanation: CodeExplanation {
        let (text, wrong, right) = details
        return CodeExplanation(code: code, summary: summary, text: text, wrong: wrong, right: right)
    }

    private var details: (String, String, String) {
        switch self {
        case .invalidCharacter:
            return ("The file contains a character that no token of the language starts with, such as `$`, `@`, "
                + "`?`, a backtick or a control character. Remove it; strings are written in double quotes.",
                    "const rate = 5 Hz $", "const rate = 5 Hz")
        case .invalidUTF8:
            return ("Model files are UTF-8 text. These bytes are not valid UTF-8, usually because the file was saved "
                + "in another encoding (Latin-1, Windows-1252). Save it as UTF-8.",
                    "const g = 2 \\xB5S    # the byte B5 is 'µ' saved as Latin-1", "const g = 2 µS")
        case .unterminatedString:
            return ("A string starts with `\"` and must end with `\"` on the same line. Close it, or escape a quote "
                + "inside it as `\\\"`.",
                    "dataset iris = csv(\"iris.csv)", "dataset iris = csv(\"iris.csv\")")
        case .unterminatedComment:
            return ("A block comment opened with `#[` is never closed with `]#`. Block comments nest, so every `#[` "
                + "inside needs its own `]#` too.",
                    "#[ a note\nconst x = 1", "#[ a note ]#\nconst x = 1")
        case .invalidEscape:
            return ("Inside strings a backslash starts an escape: `\\n`, `\\t`, `\\r`, `\\0`, `\\\"`, `\\\\` or "
                + "`\\u{…}` with 1 to 6 hexadecimal digits. Write `\\\\` for a backslash itself.",
                    "dataset d = csv(\"data\\q.csv\")", "dataset d = csv(\"data/q.csv\")")
        case .malformedNumber:
            return ("A number is digits, an optional fraction and an optional exponent: `12`, `0.5`, `1.5e-3`, "
                + "`60_000`. The exponent needs digits, `_` only separates digits, and a digit is needed before "
                + "the point.",
                    "const x = 1e", "const x = 1e3")
        case .numberOutOfRange:
            return ("The number is larger than the largest double-precision value (about 1.8e308). Use a unit "
                + "prefix or a smaller exponent.",
                    "const x = 1e999", "const x = 1e9")
        case .foreignOperator:
            return ("The operator comes from another language. In .snn logic is written `and`, `or`, `not`, powers "
                + "`^`, and comments start with `#`. snnc reads the operator as the one it stands for, so the rest "
                + "of the file is still checked.",
                    "const ok = a && b", "const ok = a and b")
        case .lookalikeCharacter:
            return ("A typographic character that looks like an operator or quote, often pasted from a paper or a "
                + "word processor: `→` `≤` `≥` `≠` `−` `×` `“` `”` or a no-break space. Use the ASCII spelling.",
                    "connect a \u{2192} b: all_to_all", "connect a -> b: all_to_all")
        case .expectedItem:
            return ("At the top level a file holds declarations (`model`, `neuron`, `rule`, `population`, `input`, "
                + "`connect`, `dataset`, `split`, `const`) and experiment statements (`simulate`, `record`, `train`, "
                + "`evaluate`, `assign`, `save`, `load`). Anything else, often a misspelt keyword, is reported here.",
                    "neurn lif { }", "neuron lif { }")
        case .expectedToken:
            return ("A construct is missing one of its fixed parts, such as the `=` after a population's name, the "
                + "`->` between sources and targets, or the `:` before a connection pattern. The message names it.",
                    "connect a -> b all_to_all", "connect a -> b: all_to_all")
        case .unclosedDelimiter:
            return ("A `(`, `[` or `{` is never closed. The diagnostic points where the closer belongs and a note "
                + "shows where the bracket was opened. When a block lost its `}` and a later `}` closed it instead, "
                + "indentation tells them apart: a `}` left of its block's `{` line is taken to close an enclosing "
                + "block, and the block it left behind is reported.",
                    "population exc = lif(tau_m = 10 ms[100]", "population exc = lif(tau_m = 10 ms)[100]")
        case .expectedExpression:
            return ("A value is needed here: a number, a quantity such as `20 ms`, a name, a call, or an expression "
                + "built from them.",
                    "const tau =\n", "const tau = 20 ms")
        case .expectedName:
            return ("A name is needed here, for example of the population being declared or of the neuron model it "
                + "uses. Names start with a letter or `_`.",
                    "population = lif[10]", "population exc = lif[10]")
        case .keywordAsName:
            return ("Reserved keywords cannot be names. Choose another name; argument labels and members may still "
                + "be keywords (`normalize = minmax`, `iris.train`).",
                    "population input = lif[10]", "population input_layer = lif[10]")
        case .misplacedMember:
            return ("The member does not belong in this block: a neuron holds `param`, `state`, `let`, equations, "
                + "`spike when`, `reset`, `refractory` and `method`; a rule holds `param`, `synaptic`, `pre`, "
                + "`post`, `let`, equations and `on pre/post/reward` handlers; a connection reacts with "
                + "`on spike { … }`.",
                    "neuron n {\n  tau = 20 ms\n}", "neuron n {\n  param tau = 20 ms\n}")
        case .derivativeInExpression:
            return ("`dv/dt` is the left side of a differential equation and can only start an equation line. To "
                + "use the rate of change elsewhere, name it with `let`.",
                    "neuron n {\n  state v = 0 mV\n  dv/dt = -v / (10 ms)\n  let r = dv/dt * 2\n}",
                    "neuron n {\n  state v = 0 mV\n  let dvdt = -v / (10 ms)\n  dv/dt = dvdt\n}")
        case .invalidAssignmentTarget:
            return ("Only variables can be assigned to (`v = Vr`, `ge += w`, `post.v += w`); a number, a call or an "
                + "expression cannot.",
                    "neuron n {\n  state v = 0 mV\n  reset 2 * v = 0 mV\n}", "neuron n {\n  state v = 0 mV\n  reset v = 0 mV\n}")
        case .chainedComparison:
            return ("Comparisons do not chain as in mathematics, and a range has one start and one end. Combine "
                + "comparisons with `and`.",
                    "const ok = 0 < x < 1", "const ok = 0 < x and x < 1")
        case .nestingTooDeep:
            return ("The expression or block nests deeper than the parser allows (100 levels of brackets or blocks, "
                + "1,000 levels of operators). Split it into named parts with `let` or `const`.",
                    "const x = " + String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101),
                    "const x = ((1))")
        case .expectedEndOfItem:
            return ("A declaration or statement must end at the end of its line, or at a `;`, before the next one "
                + "starts.",
                    "const a = 1 const b = 2", "const a = 1; const b = 2")
        case .misplacedModelHeader:
            return ("`model NAME` names the file's model; it may appear once, as the first item.",
                    "const a = 1\nmodel late", "model early\nconst a = 1")
        case .spacedDerivative:
            return ("A derivative is one token written without spaces: `dv/dt`. With spaces it would read as a "
                + "division of two names.",
                    "neuron n {\n  state v = 0 mV\n  dv / dt = -v / (10 ms)\n}", "neuron n {\n  state v = 0 mV\n  dv/dt = -v / (10 ms)\n}")
        case .unexpectedClosingDelimiter:
            return ("A closing `)`, `]` or `}` has no opening bracket to close, often because one too many was "
                + "written, the opening one was deleted, or a `(` was closed with `]` (or a `[` with `)`).",
                    "neuron n { }\n}", "neuron n { }")
        case .expectedPhaseStatement:
            return ("A `train` or `evaluate` block holds phase statements: `present T`, `rest T`, "
                + "`reward R when C else R2`, `boost input rate by X while C`, and settings `name = value`.",
                    "train on data {\n  show 40 ms\n}", "train on data {\n  present 40 ms\n}")
        case .expectedUnit:
            return ("After `:` in a declaration comes the variable's unit: a unit name such as `mV`, a product or "
                + "quotient such as `mS/cm^2`, or `1` for a dimensionless variable.",
                    "neuron n {\n  param g: = 1 nS\n}", "neuron n {\n  param g: nS = 1 nS\n}")
        case .trailingComma:
            return ("A `,` at the end of a line continues the list on the next line, as in `reset v = Vr,` followed "
                + "by `u += d`. When the next line starts something else, such as `refractory` or the `}` of the "
                + "neuron, the `,` is a leftover: remove it.",
                    "neuron n {\n  state v = 0 mV\n  reset v = 0 mV,\n  refractory 2 ms\n}",
                    "neuron n {\n  state v = 0 mV\n  reset v = 0 mV\n  refractory 2 ms\n}")
        }
    }
}
