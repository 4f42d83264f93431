// The `snnc` command line: subcommands, options, output formats, standard input and exit codes, run
// in-process with captured streams, plus the real executable for what only a process shows.

import Foundation
import SNNDriver
import Testing

/// Captured output of one in-process run.
final class Captured: @unchecked Sendable {
    var output = ""
    var error = ""
}

func runCLI(_ arguments: [String], files: [String: String] = [:], stdin: String = "",
            environment: [String: String] = [:], terminal: Bool = false) -> (status: Int32, out: String, err: String) {
    let captured = Captured()
    let io = CLIIO(
        readFile: { path in
            guard let text = files[path] else { throw CLIError.io("cannot read '\(path)': no such file") }
            return Array(text.utf8)
        },
        readStandardInput: { Array(stdin.utf8) },
        writeOutput: { captured.output += $0 },
        writeError: { captured.error += $0 },
        environment: environment, outputIsTerminal: terminal)
    let status = CLI.run(arguments, io: io)
    return (status, captured.output, captured.error)
}

@Suite struct CLITests {
    let good = "model m\nneuron n {\n  param tau = 20 ms\n  state v = 0 mV\n  dv/dt = -v / tau\n}\npopulation p = n[10]\n"
    let bad = "model m\npopulation p = n(tau = 1 ms[10]\nconst x = 1 &&& 2\n"

    @Test func cleanModelExitsZeroSilently() {
        let result = runCLI(["check", "good.snn"], files: ["good.snn": good])
        #expect(result.status == 0)
        #expect(result.out.isEmpty && result.err.isEmpty)
    }

    @Test func diagnosticsExitOneInEachFormat() {
        let files = ["bad.snn": bad]
        let gcc = runCLI(["check", "--format", "gcc", "bad.snn"], files: files)
        #expect(gcc.status == 1)
        #expect(gcc.out.hasPrefix("bad.snn:2:32: error: expected ')' to close the argument list of 'n' [E0102]\n"))
        #expect(gcc.out.contains("bad.snn:3:13: error: '&&' is not an operator of the language; write 'and' [E0008]"))

        let human = runCLI(["check", "bad.snn"], files: files)
        #expect(human.status == 1)
        #expect(human.out.contains("error[E0102]: expected ')' to close the argument list of 'n'\n --> bad.snn:2:32\n"))
        #expect(human.out.hasSuffix("2 errors generated.\n"))

        let json = runCLI(["check", "--format=json", "bad.snn"], files: files)
        #expect(json.status == 1)
        let object = try? JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 2)
    }

    @Test func colourFollowsTheTerminalAndNoColor() {
        let files = ["bad.snn": bad]
        #expect(runCLI(["check", "bad.snn"], files: files, terminal: true).out.contains("\u{1B}["))
        #expect(!runCLI(["check", "bad.snn"], files: files, environment: ["NO_COLOR": "1"], terminal: true).out.contains("\u{1B}["))
        #expect(!runCLI(["check", "bad.snn"], files: files, terminal: false).out.contains("\u{1B}["))
        #expect(runCLI(["check", "--color", "always", "bad.snn"], files: files).out.contains("\u{1B}["))
        #expect(!runCLI(["check", "--color=never", "bad.snn"], files: files, terminal: true).out.contains("\u{1B}["))
    }

    @Test func standardInputWithAName() {
        let result = runCLI(["check", "--format", "gcc", "--stdin-filename", "editor.snn", "-"], stdin: bad)
        #expect(result.status == 1)
        #expect(result.out.hasPrefix("editor.snn:2:32:"))
        #expect(runCLI(["check", "-"], stdin: good).status == 0)
        #expect(runCLI(["check", "--format", "gcc", "-"], stdin: bad).out.hasPrefix("<stdin>:2:32:"))
    }

    @Test func severalFilesAreCheckedTogether() {
        let result = runCLI(["check", "--format", "gcc", "good.snn", "bad.snn"], files: ["good.snn": good, "bad.snn": bad])
        #expect(result.status == 1)
        #expect(result.out.split(separator: "\n").allSatisfy { $0.hasPrefix("bad.snn:") })
    }

    @Test func dumpASTPrintsTheTree() {
        let result = runCLI(["check", "--dump-ast", "good.snn"], files: ["good.snn": good])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("SourceFileSyntax @1:1-8:1\n"))
        #expect(result.out.contains("name: tau @3:9-3:12"))
    }

    @Test func usageAndIOErrorsAreOneLineAndExitTwo() {
        let missing = runCLI(["check", "nope.snn"])
        #expect(missing.status == 2)
        #expect(missing.err == "snnc: cannot read 'nope.snn': no such file\n")
        #expect(missing.out.isEmpty)

        let noFiles = runCLI(["check"])
        #expect(noFiles.status == 2)
        #expect(noFiles.err.hasPrefix("snnc: 'snnc check' needs at least one file"))

        #expect(runCLI(["check", "--format", "xml", "a.snn"]).err.hasPrefix("snnc: unknown format 'xml'"))
        #expect(runCLI(["check", "--format"]).err.hasPrefix("snnc: option '--format' needs a value"))
        #expect(runCLI(["check", "--frobnicate", "a.snn"]).status == 2)
        #expect(runCLI(["chek", "a.snn"]).err.hasPrefix("snnc: unknown command 'chek' (did you mean 'check'?)"))
        #expect(runCLI(["--bogus"]).status == 2)
        #expect(runCLI(["check", "-", "-"]).status == 2)
        #expect(runCLI(["check", "--dump-ast", "--format", "json", "a.snn"]).status == 2)
    }

    @Test func explainPrintsTheLongFormOfACode() {
        let result = runCLI(["explain", "E0102"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("E0102: a `(`, `[` or `{` that is never closed\n"))
        #expect(result.out.contains("Wrong:\n    population exc = lif(tau_m = 10 ms[100]\n"))
        #expect(result.out.contains("Right:\n    population exc = lif(tau_m = 10 ms)[100]\n"))
        #expect(runCLI(["explain", "e0102"]).out == result.out)
        let list = runCLI(["explain"])
        #expect(list.status == 0 && list.out.split(separator: "\n").count == DiagnosticCatalog.all.count)
        #expect(runCLI(["explain", "E9999"]).err.hasPrefix("snnc: unknown diagnostic code 'E9999'"))
        #expect(runCLI(["help", "explain"]).out.contains("Usage: snnc explain"))
    }

    @Test func helpAndVersion() {
        let help = runCLI(["--help"])
        #expect(help.status == 0 && help.out.contains("Usage: snnc <command>"))
        #expect(runCLI([]).out == help.out)
        #expect(runCLI(["help"]).out == help.out)
        let checkHelp = runCLI(["help", "check"])
        #expect(checkHelp.status == 0 && checkHelp.out.contains("Usage: snnc check"))
        #expect(runCLI(["check", "--help"]).out == checkHelp.out)
        #expect(runCLI(["help", "nothing"]).status == 2)
        #expect(runCLI(["--version"]).out == "snnc \(CLI.version)\n")
    }
}

/// The real executable, built beside the test bundle: exit codes and streams as a shell sees them.
@Suite struct ExecutableTests {
    static var executable: URL? {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = products.appendingPathComponent("snnc")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    func run(_ arguments: [String], stdin: String = "") throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = try #require(ExecutableTests.executable)
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test(.enabled(if: ExecutableTests.executable != nil))
    func exitCodesOfTheRealProcess() throws {
        let example = RepositoryFiles.url("Examples/cuba.snn").path
        #expect(try run(["check", example]).0 == 0)
        let (status, out, _) = try run(["check", "--format", "gcc", "-"], stdin: "population = \n")
        #expect(status == 1 && out.hasPrefix("<stdin>:1:12: error:"))
        let (missing, _, err) = try run(["check", "/nonexistent/model.snn"])
        #expect(missing == 2 && err == "snnc: cannot read '/nonexistent/model.snn': no such file\n")
        let (directory, _, dirErr) = try run(["check", RepositoryFiles.url("Examples").path])
        #expect(directory == 2 && dirErr.hasSuffix("it is a directory\n"))
    }
}
