// `snnc fmt` through the command line: standard input to standard output, `--check` with its summary and exit
// codes, syntax errors and unreadable files, and files rewritten in place (on disk, in a temporary folder).

import Foundation
import SNNDriver
import Testing

@Suite struct FmtCommandTests {
    let formatted = "model m\n\nneuron n {\n  param tau = 20 ms\n  state v = 0 mV\n  dv/dt = -v / tau\n}\n\npopulation p = n[10]\n"
    let messy = "model m\nneuron n {\n    param tau=20 ms\n  state v = 0 mV\n  dv/dt = -v/tau\n}\npopulation p = n[10]\n"

    @Test func standardInputGoesToStandardOutput() {
        let result = runCLI(["fmt", "-"], stdin: messy)
        #expect(result.status == 0)
        #expect(result.out == formatted)
        #expect(result.err.isEmpty)
        #expect(runCLI(["fmt", "-"], stdin: formatted).out == formatted)
    }

    @Test func checkReportsWhatWouldChange() {
        let files = ["good.snn": formatted, "messy.snn": messy]
        let clean = runCLI(["fmt", "--check", "good.snn"], files: files)
        #expect(clean.status == 0)
        #expect(clean.out.isEmpty && clean.err.isEmpty)

        let dirty = runCLI(["fmt", "--check", "good.snn", "messy.snn"], files: files)
        #expect(dirty.status == 1)
        #expect(dirty.out == "messy.snn: would reformat (4 lines change; first at line 2)\n")

        let stdin = runCLI(["fmt", "--check", "-"], stdin: messy)
        #expect(stdin.status == 1)
        #expect(stdin.out == "<stdin>: would reformat (4 lines change; first at line 2)\n")
    }

    @Test func syntaxErrorsAreReportedAndNothingIsFormatted() {
        let broken = "model m\npopulation p = n(tau = 1 ms[10]\n"
        let result = runCLI(["fmt", "-"], stdin: broken)
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("error[E0102]: expected ')' to close the argument list of 'n'\n --> <stdin>:2:"), "\(result.err)")
        #expect(runCLI(["fmt", "--check", "b.snn"], files: ["b.snn": broken]).status == 1)
    }

    @Test func badUsageAndUnreadableFilesExitTwo() {
        #expect(runCLI(["fmt"]).status == 2)
        #expect(runCLI(["fmt", "--wrap", "m.snn"], files: ["m.snn": formatted]).status == 2)
        #expect(runCLI(["fmt", "-", "-"]).status == 2)
        let missing = runCLI(["fmt", "--check", "missing.snn"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("cannot read 'missing.snn'"))
        #expect(runCLI(["help", "fmt"]).out.hasPrefix("Usage: snnc fmt"))
    }

    @Test func filesAreRewrittenInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snnc-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let goodFile = folder.appendingPathComponent("good.snn"), messyFile = folder.appendingPathComponent("messy.snn")
        try formatted.write(to: goodFile, atomically: false, encoding: .utf8)
        try messy.write(to: messyFile, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messyFile.path)

        let first = runOnDisk(["fmt", goodFile.path, messyFile.path])
        #expect(first.status == 0)
        #expect(first.out == "formatted \(messyFile.path)\n")
        #expect(try String(contentsOf: messyFile, encoding: .utf8) == formatted)
        #expect(try String(contentsOf: goodFile, encoding: .utf8) == formatted)
        let permissions = try FileManager.default.attributesOfItem(atPath: messyFile.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["good.snn", "messy.snn"])

        let second = runOnDisk(["fmt", goodFile.path, messyFile.path])
        #expect(second.status == 0 && second.out.isEmpty)
    }

    /// Runs `snnc` in-process on the real file system.
    private func runOnDisk(_ arguments: [String]) -> (status: Int32, out: String) {
        let captured = Captured()
        let io = CLIIO(readFile: { path in try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) },
                       readStandardInput: { [] }, writeOutput: { captured.output += $0 },
                       writeError: { captured.error += $0 }, environment: [:], outputIsTerminal: false)
        return (CLI.run(arguments, io: io), captured.output)
    }
}
