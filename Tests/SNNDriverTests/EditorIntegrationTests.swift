// Editor integration, driven by the scripts in Tests/editors: headless Vim runs `:make` with Editors/vim on a
// broken model and its quickfix list must hold the right lines and columns; Vim's syntax and indent files scope
// and indent sample models; Emacs' snn-mode byte-compiles cleanly, highlights, indents and reports flymake and
// compile errors at the right places. Each is skipped where its editor is not installed; .ci/run installs them.

import Foundation
import Testing

@Suite struct EditorIntegrationTests {
    static func installed(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }

    static var snncPath: String { ExecutableTests.executable?.path ?? "" }

    /// Runs a script of Tests/editors and returns its exit status and output.
    func runScript(_ name: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [RepositoryFiles.url("Tests/editors/\(name)").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(.enabled(if: installed("vim") && ExecutableTests.executable != nil, "needs vim and the snnc executable"))
    func vimQuickfixListHasTheRightPositions() throws {
        let (status, text) = try runScript("vim_quickfix.sh", [EditorIntegrationTests.snncPath])
        #expect(status == 0, "\(text)")
        #expect(text.contains("quickfix entries as expected"), "\(text)")
    }

    @Test(.enabled(if: installed("vim"), "needs vim"))
    func vimSyntaxAndIndent() throws {
        let (status, text) = try runScript("vim_syntax.sh", [])
        #expect(status == 0 && !text.contains("SKIP"), "\(text)")
    }

    @Test(.enabled(if: installed("emacs") && ExecutableTests.executable != nil, "needs emacs and the snnc executable"))
    func emacsModeHighlightsIndentsAndReports() throws {
        let (status, text) = try runScript("emacs_mode.sh", [EditorIntegrationTests.snncPath])
        #expect(status == 0 && !text.contains("SKIP"), "\(text)")
    }
}
