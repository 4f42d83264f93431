// Golden tests of the canonical layout, one per rule: each input is formatted to the expected text, which
// must itself be a fixed point with the same syntax tree as the input.

import SNNFormat
import Testing

/// Formats `input` and compares with `expected`; the properties are checked on the way.
func expectFormat(_ input: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let output = checkFormatProperties(input, "golden.snn")
    #expect(output == expected, "\n--- got:\n\(output ?? "nil")--- expected:\n\(expected)", sourceLocation: sourceLocation)
}

@Suite struct FormatterTests {
    @Test func indentationIsTwoSpacesPerBlock() {
        expectFormat("""
            neuron n {
                param tau = 20 ms
            \tstate v = 0 mV
            reset {
                  if v > 1 mV {
                v = 0 mV
              }
               }
                }

            """, """
            neuron n {
              param tau = 20 ms
              state v = 0 mV
              reset {
                if v > 1 mV {
                  v = 0 mV
                }
              }
            }

            """)
    }

    @Test func spacesAroundOperatorsAndNoneInsideBrackets() {
        expectFormat("""
            const x=-2^-3*( 4+5 )/f( x )[ 1 ]..y
            const y = not(a)and not true or b!=c
            const z = iris . train-1
            const w = -x^2 + +y - -z
            const list = [ 1,2 ,3 ]
            const q = 2 ms ^ 2
            const p = 20ms + 80%

            """, """
            const x = -2^-3 * (4 + 5) / f(x)[1]..y
            const y = not (a) and not true or b != c
            const z = iris.train - 1
            const w = -x^2 + +y - -z
            const list = [1, 2, 3]
            const q = 2 ms ^ 2
            const p = 20 ms + 80%

            """)
    }

    @Test func spacesAroundArrowsEqualsColonsAndCommas() {
        expectFormat("""
            population exc=lif(tau_m=10 ms,v_th=-55 mV)[3,4]
            connect exc[0 .. 9]->out,inh:random(p=0.02) , weight=1 mV on spike{v+=w}
            record v,ge of exc->inh with interval=1 ms
            split iris:train 80%,test 20%,seed=7

            """, """
            population exc = lif(tau_m = 10 ms, v_th = -55 mV)[3, 4]
            connect exc[0..9] -> out, inh: random(p = 0.02), weight = 1 mV on spike { v += w }
            record v, ge of exc -> inh with interval = 1 ms
            split iris: train 80%, test 20%, seed = 7

            """)
    }

    @Test func wordsThatActAsKeywordsKeepTheirSpace() {
        expectFormat("""
            neuron n {
              state v = 0
              refractory (v > 1)
            }
            train on data {
              present (10 ms)
              reward -1 when x else +1
            }

            """, """
            neuron n {
              state v = 0
              refractory (v > 1)
            }

            train on data {
              present (10 ms)
              reward -1 when x else +1
            }

            """)
    }

    @Test func bracesAndElseMoveUpToTheirConstruct() {
        expectFormat("""
            rule r
            {
              on pre
              {
                if w > 1
                {
                  w = 1
                }
                else
                {
                  w = 0
                }
              }
            }
            train on data, epochs = 1
            {
              reward 1 when ok
              else -1
            }

            """, """
            rule r {
              on pre {
                if w > 1 {
                  w = 1
                } else {
                  w = 0
                }
              }
            }

            train on data, epochs = 1 {
              reward 1 when ok else -1
            }

            """)
    }

    @Test func continuationLinesAreIndentedOneStep() {
        expectFormat("""
            const total = 1 ms +
                          2 ms
            split iris: train 80%,
                        test 20%
            connect a -> b: all_to_all, weight = 1
            learn stdp(tau_pre = 20 ms,
                                  tau_post = 20 ms)
                normalize incoming to 78
                  on spike {
              v += w
                  }
            population exc = lif(
                    tau_m = 20 ms,
                    v_th = -50 mV,
                )[400]
            const m = f(g(
            1
            ))

            """, """
            const total = 1 ms +
              2 ms
            split iris: train 80%,
              test 20%
            connect a -> b: all_to_all, weight = 1
              learn stdp(tau_pre = 20 ms,
                tau_post = 20 ms)
              normalize incoming to 78
              on spike {
                v += w
              }
            population exc = lif(
              tau_m = 20 ms,
              v_th = -50 mV,
            )[400]
            const m = f(g(
              1
            ))

            """)
    }

    @Test func membersSharingLinesFormATable() {
        expectFormat("""
            neuron n {
              param tau_m = 20 ms; param El = -49 mV
              param Vt = -50 mV;param Vr = -60 mV;  param x = 1
              param taue = 5 ms
              param a = 1;  param b = 2
            }
            const a = 1;const b = 2;;

            """, """
            neuron n {
              param tau_m = 20 ms;  param El = -49 mV
              param Vt = -50 mV;    param Vr = -60 mV;  param x = 1
              param taue = 5 ms
              param a = 1;  param b = 2
            }

            const a = 1;  const b = 2;;

            """)
    }

    @Test func runsOfEquationsLetsAndInlineEquationsAreAligned() {
        expectFormat("""
            neuron n {
              let u = v / 1 mV
              let alpha_m = 0.1 * u
              dv/dt = -v / tau
              dtheta/dt = -theta / tau
              state g = 0
              dg/dt = -g / tau

              dx/dt = 1
            }
            rule r {
              pre x_pre: dx_pre/dt = -x_pre / tau
              post x_post_long = 0: dx_post_long/dt = -x_post_long / tau
            }

            """, """
            neuron n {
              let u       = v / 1 mV
              let alpha_m = 0.1 * u
              dv/dt     = -v / tau
              dtheta/dt = -theta / tau
              state g = 0
              dg/dt = -g / tau

              dx/dt = 1
            }

            rule r {
              pre x_pre:            dx_pre/dt = -x_pre / tau
              post x_post_long = 0: dx_post_long/dt = -x_post_long / tau
            }

            """)
    }

    @Test func blankLines() {
        expectFormat("""


            ## The file.
            model m
            const a = 1



            const b = 2
            neuron n {

              param p = 1


              param q = 2

            }
            # about r
            ## Rule r.
            rule r { param p = 1 }
            population x = n[1]; neuron inline { }
            const c = 1


            """, """
            ## The file.
            model m

            const a = 1

            const b = 2

            neuron n {
              param p = 1

              param q = 2
            }

            # about r
            ## Rule r.
            rule r { param p = 1 }

            population x = n[1];  neuron inline {}

            const c = 1

            """)
    }

    @Test func aDocCommentAtTheEndOfALineDocumentsTheNextOneStill() {
        expectFormat("""
            const a = 1  ## documents n
            neuron n { param p = 1 } ## documents b
            const b = 2
            neuron m {## not the parameter's

              param p = 1
            }

            """, """
            const a = 1  ## documents n
            neuron n { param p = 1 }  ## documents b
            const b = 2

            neuron m {  ## not the parameter's

              param p = 1
            }

            """)
    }

    @Test func commentsStayWithTheirCode() {
        expectFormat("""
            neuron n {
                    # the parameters
              param tau = 20 ms   # keeps its column
              param a_much_longer_name = 1 # pushed right
                ## The potential.
              state v = 0 mV
                  # last in the body
            }
            const k = #[ inline ]#5
              #[ a block
                 comment ]# const w = 1
            const sizes = [
              1,
                    # inside brackets
            ]
            # the end

            """, """
            neuron n {
              # the parameters
              param tau = 20 ms   # keeps its column
              param a_much_longer_name = 1  # pushed right
              ## The potential.
              state v = 0 mV
              # last in the body
            }

            const k = #[ inline ]# 5
            #[ a block
                 comment ]# const w = 1
            const sizes = [
              1,
              # inside brackets
            ]
            # the end

            """)
    }

    @Test func longLinesAreLeftAlone() {
        let long = "connect pixels -> exc: all_to_all, weight = (uniform(0, 1) + 0.01) * 0.3, delay = uniform(0 ms, 10 ms)"
            + ", learn stdp(a_pre = 0.01, a_post = -0.0001, tau_pre = 20 ms, tau_post = 20 ms, w_max = 1) on spike { ge += w }\n"
        expectFormat(long, long)
    }

    @Test func lineEndingsByteOrderMarkAndTabs() {
        expectFormat("\u{FEFF}model m\r\n\r\nconst a = 1\t# tab\r\n\tconst b = 2   \r\n",
                     "model m\n\nconst a = 1  # tab\nconst b = 2\n")
        expectFormat("", "")
        expectFormat("\n\n# only a comment", "# only a comment\n")
    }

    @Test func filesWithSyntaxErrorsAreNotFormatted() {
        guard case .syntaxErrors(let diagnostics) = Formatter.format("population p = n(tau = 1 ms[10]\nconst x = 1 &&& 2\n",
                                                                     fileName: "bad.snn") else {
            Issue.record("expected syntax errors")
            return
        }
        #expect(diagnostics.map(\.code.rawValue) == ["E0102", "E0008"])
    }
}
