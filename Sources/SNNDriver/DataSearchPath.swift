// DataSearchPath: where a model's data files are looked for, in order — the model file's folder, the folder
// given with `--data DIR`, then `$SNNC_DATA`. Absolute paths are used as written.

import Foundation

public struct DataSearchPath: Sendable {
    public var folders: [String]

    /// The folders for a model at `modelPath` (nil for standard input).
    public init(modelPath: String?, dataFolder: String?, environment: [String: String]) {
        var folders: [String] = []
        if let modelPath {
            let folder = (modelPath as NSString).deletingLastPathComponent
            folders.append(folder.isEmpty ? "." : folder)
        }
        if let dataFolder { folders.append(dataFolder) }
        if let fromEnvironment = environment["SNNC_DATA"], !fromEnvironment.isEmpty { folders.append(fromEnvironment) }
        self.folders = folders
    }

    /// The first existing file for `path`, or nil.
    public func resolve(_ path: String) -> String? {
        if path.hasPrefix("/") { return FileManager.default.fileExists(atPath: path) ? path : nil }
        for folder in folders {
            let candidate = (folder as NSString).appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// Where `path` was looked for, for "not found" notes.
    public func candidates(_ path: String) -> [String] {
        path.hasPrefix("/") ? [path] : folders.map { ($0 as NSString).appendingPathComponent(path) }
    }
}
