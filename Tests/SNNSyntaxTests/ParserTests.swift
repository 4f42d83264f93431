// Parser: the AST built for every construct of the language, operator precedence, and recovery.

import SNNSource
import SNNSyntax
import Testing

func parse(_ text: String) -> (ParsedFile, SourceFile) {
    let file = SourceFile(id: FileID(0), path: "t.snn", text: text)
    return (Parser.parse(file), file)
}

/// The expression of `const x = …` as an s-expression.
func sexpr(_ text: String) -> String {
    let (parsed, _) = parse("const x = \(text)")
    guard case .constant(let decl)? = parsed.syntax.items.first?.kind else { return "<no const>" }
    return parsed.diagnostics.isEmpty ? sexpr(decl.value) : "<error \(parsed.diagnostics.map(\.code.rawValue))>"
}

func sexpr(_ e: Expr) -> String {
    switch e.kind {
    case .number(_, let text): return text
    case .quantity(_, let text, let unit): return "\(text)[\(unit.factors.map { "\($0.name.name)^\($0.exponent)" }.joined(separator: " "))]"
    case .string(let s): return "\"\(s)\""
    case .boolean(let b): return "\(b)"
    case .name(let n): return n
    case .unary(let op, let x): return "(\(op.rawValue) \(sexpr(x)))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(sexpr(a)) \(sexpr(b)))"
    case .call(let callee, let args):
        return "(call \(sexpr(callee))" + args.map { " " + ($0.label.map { "\($0.name)=" } ?? "") + sexpr($0.value) }.joined() + ")"
    case .member(let base, let name): return "(. \(sexpr(base)) \(name.name))"
    case .index(let base, let indices): return "(idx \(sexpr(base))" + indices.map { " " + sexpr($0) }.joined() + ")"
    case .list(let items): return "[" + items.map(sexpr).joined(separator: " ") + "]"
    case .range(let a, let b): return "(.. \(sexpr(a)) \(sexpr(b)))"
    case .missing: return "<missing>"
    }
}

@Suite struct ExpressionTests {
    @Test func precedenceAndAssociativity() {
        #expect(sexpr("a + b * c ^ d ^ e") == "(+ a (* b (^ c (^ d e))))")
        #expect(sexpr("a - b - c") == "(- (- a b) c)")
        #expect(sexpr("-x ^ 2") == "(- (^ x 2))")
        #expect(sexpr("2 ^ -1") == "(^ 2 (- 1))")
        #expect(sexpr("not a == b and c or d") == "(or (and (not (== a b)) c) d)")
        #expect(sexpr("0 .. n - 1") == "(.. 0 (- n 1))")
        #expect(sexpr("(a + b) * c") == "(* (+ a b) c)")
    }

    @Test func quantitiesNamesCallsMembersIndicesLists() {
        #expect(sexpr("-65 mV") == "(- 65[mV^1])")
        #expect(sexpr("120 mS/cm^2") == "120[mS^1 cm^-2]")
        #expect(sexpr("uniform(Vr, Vt)") == "(call uniform Vr Vt)")
        #expect(sexpr("idx(\"a.gz\", labels = \"b.gz\")") == "(call idx \"a.gz\" labels=\"b.gz\")")
        #expect(sexpr("mnist.image * 63.75 Hz") == "(* (. mnist image) 63.75[Hz^1])")
        #expect(sexpr("iris.train") == "(. iris train)")
        #expect(sexpr("w[0, 1]") == "(idx w 0 1)")
        #expect(sexpr("[5, 5]") == "[5 5]")
        #expect(sexpr("true") == "true")
    }

    @Test func lineBreaksInsideBracketsAndAfterOperatorsContinue() {
        #expect(sexpr("f(a,\n  b)") == "(call f a b)")
        #expect(sexpr("a +\n  b") == "(+ a b)")
        #expect(sexpr("(a\n + b)") == "(+ a b)")
    }

    @Test func mistakesInExpressions() {
        #expect(sexpr("a < b < c") == "<error [\"E0109\"]>")
        #expect(sexpr("dv/dt + 1") == "<error [\"E0107\"]>")
        #expect(sexpr("") == "<error [\"E0103\"]>")
    }
}

@Suite struct DeclarationTests {
    @Test func neuronWithEveryKindOfMember() throws {
        let (parsed, _) = parse("""
            ## Leaky integrate-and-fire.
            ## Gerstner & Kistler 2002.
            neuron lif extends base {
              param tau_m = 20 ms;  param El: mV = -65 mV
              state v = uniform(El, -50 mV)
              let I_leak = (El - v) / tau_m
              dv/dt = I_leak
              spike when v > -50 mV
              reset v = El, w += 1 nA
              refractory 2 ms
              method = rk4
            }
            """)
        #expect(parsed.diagnostics.isEmpty)
        let item = try #require(parsed.syntax.items.first)
        #expect(item.doc == "Leaky integrate-and-fire.\nGerstner & Kistler 2002.")
        guard case .neuron(let neuron) = item.kind else { Issue.record("not a neuron"); return }
        #expect(neuron.name.name == "lif" && neuron.base?.name == "base")
        let kinds = neuron.members.map { member -> String in
            switch member.kind {
            case .variable(let v): return "\(v.role.rawValue) \(v.name.name)\(v.unit.map { ":" + $0.text } ?? "")"
            case .alias(let name, _): return "let \(name.name)"
            case .equation(let eq): return "d\(eq.variable.name)/dt"
            case .threshold: return "spike"
            case .reset(let statements): return "reset \(statements.count)"
            case .refractory: return "refractory"
            case .method(let name): return "method \(name.name)"
            case .handler: return "handler"
            }
        }
        #expect(kinds == ["param tau_m", "param El:mV", "state v", "let I_leak", "dv/dt", "spike", "reset 2",
                          "refractory", "method rk4"])
    }

    @Test func ruleWithTracesAndHandlers() throws {
        let (parsed, _) = parse("""
            rule rstdp extends stdp {
              param tau_e = 1000 ms
              synaptic e = 0:   de/dt = -e / tau_e
              pre x_pre:   dx_pre/dt = -x_pre / tau_pre
              post x_post: mV
              on pre  { x_pre += a_pre;   e += x_post }
              on reward(r) { w = clip(w + lr * r * e, 0, w_max) }
              on post { if x_post > 0 { w = 0 } else if e < 1 { w = 1 } else { w = 2 } }
            }
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        guard case .rule(let rule)? = parsed.syntax.items.first?.kind else { Issue.record("not a rule"); return }
        guard case .variable(let e) = rule.members[1].kind, case .variable(let pre) = rule.members[2].kind,
              case .variable(let post) = rule.members[3].kind,
              case .handler(let reward) = rule.members[5].kind else { Issue.record("unexpected members"); return }
        #expect(e.role == .synaptic && e.equation?.variable.name == "e" && e.initial != nil)
        #expect(pre.role == .pre && pre.equation?.variable.name == "x_pre" && pre.initial == nil)
        #expect(post.role == .post && post.unit?.text == "mV")
        #expect(reward.event.name == "reward" && reward.parameters.map(\.name) == ["r"])
    }

    @Test func networkDeclarations() throws {
        let (parsed, _) = parse("""
            model net
            const n = 100
            dataset iris = csv("iris.csv", label = species, normalize = minmax)
            split iris: train 80%, test 20%, shuffle, seed = 7
            input fields = gaussian_fields(iris.features, count = 10)
            population exc = lif(tau_m = 10 ms)[n]
            population maps = lif[16, 28, 28]
            connect fields, exc -> exc[0..9]: all_to_all, weight = uniform(0, 2 mV), delay = 1 ms
              learn rstdp(a_plus = 0.01)
              normalize incoming to 78
              on spike { v += w * 1 mV }
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.syntax.model?.name.name == "net")
        let items = parsed.syntax.items
        guard case .split(let split) = items[2].kind, case .population(let maps) = items[5].kind,
              case .connect(let connect) = items[6].kind else { Issue.record("unexpected items"); return }
        #expect(split.parts.map(\.name.name) == ["train", "test", "shuffle", "seed"])
        #expect(split.parts.map(\.isOption) == [false, false, true, true])
        #expect(maps.model.shape.count == 3)
        #expect(connect.sources.map(\.name.name) == ["fields", "exc"])
        #expect(connect.targets.first?.slice?.count == 1)
        #expect(connect.pattern.name.name == "all_to_all" && connect.pattern.arguments == nil)
        let clauseKinds = connect.clauses.map { clause -> String in
            switch clause.kind {
            case .argument(let a): return a.label?.name ?? "?"
            case .learn(let rule): return "learn \(rule.name.name)"
            case .normalize(let direction, _): return "normalize \(direction.name)"
            case .onSpike: return "on spike"
            }
        }
        #expect(clauseKinds == ["weight", "delay", "learn rstdp", "normalize incoming", "on spike"])
    }

    @Test func experimentStatements() throws {
        let (parsed, _) = parse("""
            record spikes, v of exc[0..9], pixels -> exc with every = 1 ms
            simulate 1 s with dt = 0.1 ms, seed = 1
            train on mnist, samples = 60000, batch = 64 with gradient(optimizer = adam(lr = 1e-3)) {
              present 350 ms, rest 150 ms
              boost input rate by 32 Hz while spike_count(exc) < 5
              reward +1 when argmax(spike_count(out)) == label else -1
              learning = false
            }
            assign labels by mean response of exc
            evaluate on mnist_test { predict = vote(spike_count(exc)) }
            save weights to "w.snnw"
            load weights of pixels -> exc from "w.snnw"
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let items = parsed.syntax.items
        guard case .record(let record) = items[0].kind, case .train(let train) = items[2].kind,
              case .assignLabels(let assign) = items[3].kind, case .load(let load) = items[6].kind else {
            Issue.record("unexpected items"); return
        }
        #expect(record.variables.map(\.name) == ["spikes", "v"])
        #expect(record.targets.count == 2 && record.targets[1].destination?.name.name == "exc")
        #expect(train.options.compactMap(\.label?.name) == ["samples", "batch"])
        #expect(train.method?.name.name == "gradient")
        #expect(train.phases?.count == 5)
        #expect(assign.method.map(\.name) == ["mean", "response"])
        #expect(load.targets.first?.source.name.name == "pixels")
    }

    @Test func freezeAndTheLabellingPass() throws {
        let (parsed, file) = parse("""
            assign labels by mean response of exc on mnist, samples = 10000, dt = 0.5 ms {
              present 350 ms, rest 150 ms; freeze theta of exc
            }
            assign labels by max response of inh
            evaluate on mnist_test { freeze theta of exc, freeze = 1 }
            freeze v of inh
            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let items = parsed.syntax.items
        guard items.count == 4, case .assignLabels(let pass) = items[0].kind, case .assignLabels(let last) = items[1].kind,
              case .evaluate(let evaluate) = items[2].kind, case .freeze(let stray) = items[3].kind else {
            Issue.record("unexpected items"); return
        }
        #expect(pass.options.compactMap(\.label?.name) == ["samples", "dt"])
        #expect(pass.phases?.count == 3)
        guard case .freeze(let freeze)? = pass.phases?.last?.kind else { Issue.record("no freeze"); return }
        #expect(freeze.variable.name == "theta" && freeze.population.name == "exc")
        #expect(file.text(in: freeze.range.startOffset..<freeze.range.endOffset) == "freeze theta of exc")
        #expect(last.data == nil && last.phases == nil && last.options.isEmpty)
        guard case .freeze? = evaluate.phases?.first?.kind, case .setting(let name, _)? = evaluate.phases?.last?.kind else {
            Issue.record("unexpected evaluate block"); return
        }
        #expect(name.name == "freeze", "`freeze = …` is a setting: freeze is a contextual keyword")
        #expect(stray.variable.name == "v" && file.text(in: stray.range.startOffset..<stray.range.endOffset) == "freeze v of inh")
    }
}

@Suite struct RecoveryTests {
    @Test func aMissingBraceIsOneDiagnosticAndTheNextItemStillParses() {
        let (parsed, _) = parse("neuron a {\n  param x = 1\n\npopulation p = a[1]\nconst y = 2\n")
        #expect(parsed.diagnostics.map(\.code.rawValue) == ["E0102"])
        #expect(parsed.syntax.items.count == 3)
    }

    @Test func aBadLineIsSkippedAndTheRestChecked() {
        let text = "population p = \nconst a = 1 +\nconst b = (\nconst c = 3\nneurn x { }\nconst d = $\n"
        let (parsed, _) = parse(text)
        let sources = SourceManager()
        let file = sources.add(path: "t.snn", text: text)
        var engine = DiagnosticEngine()
        engine.emit(contentsOf: Parser.parse(file).diagnostics)
        #expect(engine.finalized(using: sources).map(\.code.rawValue) == ["E0104", "E0103", "E0102", "E0100", "E0001"])
        #expect(parsed.syntax.items.count >= 2)
    }

    @Test func nestingBeyondTheLimitIsOneDiagnosticNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let (parsed, _) = parse("const a = \(deep)\nconst b = 2\n")
        #expect(parsed.diagnostics.map(\.code.rawValue) == ["E0110"])
        #expect(parsed.syntax.items.count == 2)
    }

    @Test func everyNodeRangeLiesInsideTheFile() {
        let text = "neuron a {\n  dv/dt = -v / tau\n}\nconnect a -> a: random(p = 0.1) on spike { v += 1 mV }\n"
        let (parsed, file) = parse(text)
        let dump = ASTDumper(file: file).dump(parsed.syntax)
        #expect(dump.contains("variable: v @2:3-2:8"))
        #expect(dump.contains("event: spike @4:36-4:41"))
    }
}
