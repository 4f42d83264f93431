// The prelude: every file parses and checks without a single diagnostic, every declaration is documented with
// its source, the models the issue and the examples rely on exist, and presets extend their base model.

import SNNSema
import SNNSource
import SNNSyntax
import Testing

@Suite struct PreludeTests {
    @Test func preludeParsesAndChecksClean() {
        let sources = SourceManager()
        let prelude = PreludeLibrary.load(into: sources)
        var diagnostics = Prelude.files.flatMap {
            Parser.parse(SourceFile(id: FileID(99), path: $0.path, text: $0.source)).diagnostics
        }
        // A model that uses every prelude declaration, so that each is checked.
        let uses = SemaFixtures.preludeNames.map { "population p_\($0) = \($0)[2]" }.joined(separator: "\n")
        let rules = SemaFixtures.preludeRules.map { "connect p_lif -> p_lif: all_to_all learn \($0) on spike { v += w * 1 mV }" }
        let text = uses + "\n" + rules.joined(separator: "\n") + "\n"
        let file = sources.add(path: "uses.snn", text: text)
        let parsed = Parser.parse(file)
        diagnostics += parsed.diagnostics
        diagnostics += SemanticChecker.check(parsed.syntax, prelude: prelude, sources: sources).diagnostics
        let lines = SemaFixtures.produced(text)
        #expect(diagnostics.isEmpty && lines.isEmpty, "\(lines)")
    }

    @Test func everyDeclarationIsDocumentedWithItsSource() {
        for file in Prelude.files {
            let parsed = Parser.parse(SourceFile(id: FileID(0), path: file.path, text: file.source))
            for item in parsed.syntax.items {
                let doc = item.doc ?? ""
                #expect(doc.count > 80, "\(file.path): a declaration without a doc comment")
                #expect(doc.contains("Source") || doc.contains("(19") || doc.contains("(20"),
                        "\(file.path): the doc comment should cite its source")
            }
        }
    }

    /// A file's own model with a prelude name replaces it for that file only: prelude models built on it keep
    /// the prelude's, so nothing is reported inside the prelude.
    @Test func replacingAPreludeModelLeavesThePreludeIntact() {
        let text = "rule stdp {\n  synaptic w = 0.5\n  on pre { w += 0.01 }\n}\nneuron izhikevich {\n  state v = 0 mV\n}\n"
            + "population a = lif[2]\npopulation b = izhikevich_fs[2]\n"
            + "connect a -> a: all_to_all learn rstdp on spike { v += w * 1 mV }\n"
            + "connect a -> a: one_to_one learn stdp on spike { v += w * 1 mV }\n"
        #expect(SemaFixtures.produced(text).isEmpty, "\(SemaFixtures.produced(text))")
    }

    @Test func theModelsOfTheIssueAndTheExamplesExist() {
        let sources = SourceManager()
        let prelude = PreludeLibrary.load(into: sources)
        let uses = (SemaFixtures.preludeNames.map { "population p_\($0) = \($0)[2]" }
            + SemaFixtures.preludeRules.map { "connect p_lif -> p_lif: all_to_all learn \($0) on spike { v += w * 1 mV }" })
            .joined(separator: "\n")
        let model = SemanticChecker.check(Parser.parse(sources.add(path: "e.snn", text: uses)).syntax, prelude: prelude,
                                          sources: sources)
        for name in SemaFixtures.preludeNames + SemaFixtures.preludeRules {
            #expect(model.models[name] != nil, "missing \(name)")
        }
        #expect(model.models["lif"]?.variable("tau_m")?.value.type == .quantity(.time))
        #expect(model.models["lif"]?.variable("v_th")?.value.type == .quantity(.voltage))
        #expect(model.models["izhikevich_fs"]?.variable("u") != nil, "presets extend izhikevich")
        #expect(model.models["rstdp"]?.variable("x_pre") != nil, "rstdp extends stdp")
    }
}
