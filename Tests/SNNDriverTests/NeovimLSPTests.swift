// A real client drives `snnc lsp`: headless Neovim (its built-in LSP client, configured by Editors/nvim) opens a
// model with errors, and Tests/editors/nvim_lsp.lua records the diagnostics' positions, the hover text, the
// definitions it jumps to (in the file and into the prelude) and the formatted buffer. Skipped without nvim;
// .ci/run installs it.

import Foundation
import SNNFormat
import Testing

@Suite struct NeovimLSPTests {
    static let model = """
        model broken
        ## Membrane time constant of the cells.
        const tau = 20 ms
        const τ_syn = 1 nS + tau
        neuron cell {
          state v = 0 mV
          dv/dt = -v / tau + 1 mA
          spike when v > 10 mV
          reset v = 0 mV
        }
        population exc = lif(tau_m = 10 ms)[10]
        population   b=cell[5]
        connect exc -> b: random(p = 0.1) on spike { v += 1 mV }
        connect exc -> c: all_to_all
        simulate 100 ms

        """

    struct Results: Decodable {
        struct Diagnostic: Decodable {
            let line: Int, col: Int, code: String, message: String
        }
        let filetype: String
        let diagnostics_arrived: Bool
        let diagnostics: [Diagnostic]
        let hover: String
        let definition_line: Int
        let prelude_file: String
        let prelude_line: String
        let format_error: String
        let format_edits: Int
        let formatted: String
    }

    @Test(.enabled(if: EditorIntegrationTests.installed("nvim") && ExecutableTests.executable != nil,
                   "needs nvim and the snnc executable"))
    func neovimGetsDiagnosticsHoverDefinitionAndFormatting() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snnc-nvim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.snn"), out = folder.appendingPathComponent("results.json")
        try Self.model.write(to: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["nvim", "--headless", "-u", "NONE", "-i", "NONE", "--cmd",
                             "set rtp^=" + RepositoryFiles.url("Editors/nvim").path,
                             "-c", "luafile " + RepositoryFiles.url("Tests/editors/nvim_lsp.lua").path]
        var environment = ProcessInfo.processInfo.environment
        environment["SNN_BIN"] = EditorIntegrationTests.snncPath
        environment["SNN_FILE"] = file.path
        environment["SNN_OUT"] = out.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        let data = try Data(contentsOf: out)
        let results = try JSONDecoder().decode(Results.self, from: data)

        #expect(results.filetype == "snn")
        #expect(results.diagnostics_arrived)
        // Neovim counts columns in bytes: `τ` is 2 bytes but 1 UTF-16 unit, so the server's 14 is Neovim's 15.
        #expect(results.diagnostics.map { "\($0.line):\($0.col):\($0.code)" } == ["3:15:E0301", "6:10:E0301", "13:15:E0200"])
        #expect(results.diagnostics.last?.message.contains("no population or input named 'c'") == true)
        #expect(results.hover.contains("param tau_m = 10 ms") && results.hover.contains("in s"), "\(results.hover)")
        #expect(results.definition_line == 2)
        #expect(results.prelude_file.hasSuffix("/lif.snn") && results.prelude_line.contains("neuron lif"))
        guard case .formatted(let expected) = Formatter.format(Self.model, fileName: file.path) else {
            Issue.record("SNNFormat refused a model without syntax errors")
            return
        }
        #expect(results.format_error.isEmpty)
        #expect(results.formatted == expected)
        #expect(results.format_edits == (expected == Self.model ? 0 : 1))
    }
}
