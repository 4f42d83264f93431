// Every model in Examples/ passes `snnc check` without a diagnostic — with the shared data found through
// $SNNC_DATA; without it, the only diagnostics allowed are "dataset file not found" warnings. CIFAR-10 is not in
// the shared data (cifar10_csnn.snn runs on a generated stand-in), so its files may always be missing.

import SNNDriver
import SNNSema
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
        let path = RepositoryFiles.url("Examples/" + name).path
        let searchPath = DataSearchPath(modelPath: path, dataFolder: RepositoryFiles.sharedData, environment: [:])
        let result = CheckPipeline.check([CheckInput(path: path, bytes: bytes)]) { _ in
            FileDatasetInspector(searchPath: searchPath)
        }
        #expect(!bytes.isEmpty)
        let unexpected = result.diagnostics.filter {
            $0.code.rawValue != "W0502" || (RepositoryFiles.sharedData != nil && !$0.message.contains("'cifar10/"))
        }
        #expect(unexpected.isEmpty, "\(name): \(unexpected.map(\.message))")
        #expect(result.models[path] != nil, "\(name) was not checked past its syntax")
    }
}
