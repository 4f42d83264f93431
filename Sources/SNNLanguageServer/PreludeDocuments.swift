// PreludeDocuments: the prelude's files written once, read-only, to a folder of their own under the temporary
// directory, so that "go to definition" into a built-in model opens a real file in any editor (Neovim's client
// included) — the files are the text the checker reads, and editing them changes nothing.

import Foundation
import SNNSema

final class PreludeDocuments: Sendable {
    /// The URI of each prelude file, in `Prelude.files` order (a prelude file's FileID is its index).
    let uris: [String]

    init() {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325                 // FNV-1a of the texts: a new snnc, a new folder
        for file in Prelude.files { for byte in file.source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        let folder = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("snnc-prelude-\(getuid())-\(String(hash, radix: 16))")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        uris = Prelude.files.map { file in
            let name = String(file.path.split(separator: "/").last ?? "prelude.snn")
            let path = (folder as NSString).appendingPathComponent(name)
            if (try? String(contentsOfFile: path, encoding: .utf8)) != file.source {
                try? FileManager.default.removeItem(atPath: path)
                _ = FileManager.default.createFile(atPath: path, contents: Data(file.source.utf8),
                                               attributes: [.posixPermissions: 0o444])
            }
            return DocumentURI.uri(ofPath: path)
        }
    }

    /// Whether a document is one of these files (they are not checked as the user's model).
    func contains(_ uri: String) -> Bool { uris.contains(uri) }
}
