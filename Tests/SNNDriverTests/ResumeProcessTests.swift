// `snnc run --resume` after a real kill: the process is killed (SIGKILL) once its first checkpoint exists,
// then resumed; the evaluation and the saved weights equal those of a run that was never interrupted.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ResumeProcessTests {
    static let model = """
        model resume
        dataset iris = csv("iris.csv", label = species, normalize = minmax)
        split iris: train 80%, test 20%, shuffle, seed = 7
        input fields = gaussian_fields(iris.features, count = 12, width = 1.5, latest = 20 ms)
        population out = lif(tau_m = 10 ms, v_th = -55 mV)[3]
        connect fields -> out: all_to_all, weight = uniform(0.4, 0.6), delay = 1 ms on spike { v += w * 4 mV }
          learn rstdp(a_pre = 0.01, a_post = -0.012, tau_pre = 20 ms, tau_post = 20 ms, tau_e = 25 ms, lr = 0.5)
        train on iris.train, epochs = 4 {
          present 40 ms, rest 10 ms
          reward +1 when argmax(spike_count(out)) == label else -1
        }
        save weights to "w.snnw"
        evaluate on iris.test { predict = argmax(spike_count(out)) }
        """

    func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try #require(ExecutableTests.executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    func evaluation(_ json: Data) throws -> [[Int]] {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let experiment = try #require(object["experiment"] as? [String: Any])
        let evaluations = try #require(experiment["evaluations"] as? [[String: Any]])
        return try #require(evaluations.first?["confusion"] as? [[Int]])
    }

    @Test(.enabled(if: ExecutableTests.executable != nil, "needs the built snnc"))
    func aKilledTrainingResumesToTheSameResult() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.model.write(to: folder.appendingPathComponent("resume.snn"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: RepositoryFiles.url("Examples/iris.csv"), to: folder.appendingPathComponent("iris.csv"))

        let (reference, referenceOutput) = try start(["run", "resume.snn", "--json", "--out", "a", "--checkpoint-every", "20"], in: folder)
        let referenceJSON = referenceOutput.fileHandleForReading.readDataToEndOfFile()
        reference.waitUntilExit()
        #expect(reference.terminationStatus == 0)

        let (victim, _) = try start(["run", "resume.snn", "--json", "--out", "b", "--checkpoint-every", "20"], in: folder)
        let checkpoint = folder.appendingPathComponent("b/resume.checkpoint").path
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: checkpoint) && victim.isRunning && Date() < deadline { usleep(2_000) }
        #expect(victim.isRunning, "the run ended before it could be killed")
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: checkpoint))

        let (resumed, resumedOutput) = try start(["run", "resume.snn", "--json", "--out", "b", "--checkpoint-every", "20", "--resume"], in: folder)
        let resumedJSON = resumedOutput.fileHandleForReading.readDataToEndOfFile()
        resumed.waitUntilExit()
        #expect(resumed.terminationStatus == 0)
        #expect(try evaluation(referenceJSON) == evaluation(resumedJSON))
        let a = try Data(contentsOf: folder.appendingPathComponent("a/w.snnw"))
        let b = try Data(contentsOf: folder.appendingPathComponent("b/w.snnw"))
        #expect(a == b)
        #expect(!FileManager.default.fileExists(atPath: checkpoint), "the checkpoint is removed when the run completes")
    }
}
