// RepositoryFiles: locates the repository's own files (examples, docs, grammar) from the test sources.

import Foundation

enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The shared data folder named by `$SNNC_DATA` (relative to the working directory or the repository root),
    /// or nil when it is unset or missing; tests that need the data skip without it.
    static let sharedData: String? = {
        guard let setting = ProcessInfo.processInfo.environment["SNNC_DATA"], !setting.isEmpty else { return nil }
        let candidates = setting.hasPrefix("/") ? [setting]
            : [FileManager.default.currentDirectoryPath, root.path].map { ($0 as NSString).appendingPathComponent(setting) }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static func text(_ path: String) -> String {
        (try? String(contentsOf: url(path), encoding: .utf8)) ?? ""
    }

    /// The `.snn` files of a folder, sorted by name, as (name, bytes).
    static func models(in folder: String) -> [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".snn") }.sorted().map { name in
            (name, (try? [UInt8](Data(contentsOf: url(folder).appendingPathComponent(name)))) ?? [])
        }
    }
}
