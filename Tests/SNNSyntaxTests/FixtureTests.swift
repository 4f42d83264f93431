// Golden diagnostic fixtures: every file in Fixtures/ states the diagnostics it must produce in comment lines
//   #? LINE:COL: error: MESSAGE [E0102]
// and the test checks both ways — each expected line is produced, and nothing else is.
// Every syntax diagnostic code must be exercised by at least one fixture.

import Foundation
import SNNSource
import SNNSyntax
import Testing

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".snn") }.sorted()
    }

    static func bytes(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))) ?? []
    }

    /// The `#?` lines of a fixture, read as plain text (they may sit anywhere, even after a broken string).
    static func expectations(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .compactMap { line in
                guard let marker = line.range(of: "#? ") else { return nil }
                return String(line[marker.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
    }

    /// What the front end reports for a file, one `LINE:COL: severity: message [CODE]` line per diagnostic,
    /// after the same finalisation (ordering, one error per line) that users see.
    static func produced(_ bytes: [UInt8]) -> [String] {
        let sources = SourceManager()
        let file = sources.add(path: "fixture.snn", bytes: bytes)
        var engine = DiagnosticEngine()
        engine.emit(contentsOf: Parser.parse(file).diagnostics)
        return engine.finalized(using: sources).map { d in
            let position = file.position(of: d.range.startOffset)
            return "\(position.line):\(position.column): \(d.severity.rawValue): \(d.message) [\(d.code)]"
        }
    }
}

@Suite struct FixtureTests {
    @Test(arguments: Fixtures.names)
    func producesExactlyTheExpectedDiagnostics(_ name: String) {
        let bytes = Fixtures.bytes(name)
        let expected = Fixtures.expectations(bytes)
        let produced = Fixtures.produced(bytes)
        for line in expected where !produced.contains(line) {
            Issue.record("\(name): expected but not produced:\n  \(line)\nproduced:\n  \(produced.joined(separator: "\n  "))")
        }
        for line in produced where !expected.contains(line) {
            Issue.record("\(name): produced but not expected:\n  #? \(line)")
        }
    }

    @Test func everySyntaxCodeHasAFixture() {
        let all = Fixtures.names.flatMap { Fixtures.expectations(Fixtures.bytes($0)) }.joined(separator: "\n")
        for code in SyntaxCode.allCases {
            let covered = all.contains("[\(code.rawValue)]")
            #expect(covered, "no fixture exercises \(code.rawValue) (\(code.summary))")
        }
    }

    @Test func thereAreFixtures() {
        #expect(Fixtures.names.count >= SyntaxCode.allCases.count)
    }
}
