// Every model in Examples/ passes `snnc check` without a diagnostic.

import SNNDriver
import Testing

@Suite struct ExamplesTests {
    @Test func thereAreAtLeastTheThreeModelsOfTheDesignNote() {
        let names = RepositoryFiles.models(in: "Examples").map(\.name)
        for required in ["cuba.snn", "iris_rstdp.snn", "diehl_cook.snn"] {
            #expect(names.contains(required))
        }
    }

    @Test(arguments: RepositoryFiles.models(in: "Examples").map(\.name))
    func exampleChecksClean(_ name: String) {
        let bytes = RepositoryFiles.models(in: "Examples").first { $0.name == name }?.bytes ?? []
        let result = CheckPipeline.check([CheckInput(path: name, bytes: bytes)])
        #expect(!bytes.isEmpty)
        #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.message))")
    }
}
