// Editor integration: headless Vim runs `:make` with Editors/vim on a broken model and its quickfix list must
// hold the right lines and columns (Tests/editors/vim_quickfix.sh). Skipped where Vim is not installed;
// .ci/run installs it.

import Foundation
import Testing

@Suite struct EditorIntegrationTests {
    static var vimInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/vim")
        }
    }

    @Test(.enabled(if: vimInstalled && ExecutableTests.executable != nil, "needs vim and the snnc executable"))
    func vimQuickfixListHasTheRightPositions() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [RepositoryFiles.url("Tests/editors/vim_quickfix.sh").path,
                             try #require(ExecutableTests.executable).path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("quickfix entries as expected"), "\(text)")
    }
}
