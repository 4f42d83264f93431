// DataFileReader: reads a data file's bytes from disk, gunzipping them when the content starts with the gzip
// magic 1F 8B (whatever the file is called); a prefix can be read without inflating the whole file.
// Errors name the file.

import Foundation

public enum DataFileReader {
    /// The file's content, decompressed if it is gzip.
    public static func read(path: String) throws(DataError) -> [UInt8] {
        try inFile(path) { () throws(DataError) in
            let bytes = try readRaw(path: path)
            return Gzip.isGzip(bytes) ? try Gzip.decompress(bytes) : bytes
        }
    }

    /// The first `count` bytes of the file's content (fewer if it is shorter), decompressed if it is gzip.
    /// A plain file is read only that far; of a gzip file, the first 64 KiB usually suffice for a header.
    public static func readPrefix(path: String, count: Int) throws(DataError) -> [UInt8] {
        try inFile(path) { () throws(DataError) in
            let handle = try open(path)
            defer { try? handle.close() }
            let head = try readUpTo(max(count, 2), from: handle, path: path)
            guard Gzip.isGzip(head) else { return Array(head.prefix(count)) }
            let start = head + (try readUpTo(64 * 1024, from: handle, path: path))
            if let prefix = try? Gzip.decompressPrefix(start, count: count), prefix.count == count { return prefix }
            return try Gzip.decompressPrefix(start + (try readUpTo(.max, from: handle, path: path)), count: count)
        }
    }

    /// The file's bytes as stored on disk.
    public static func readRaw(path: String) throws(DataError) -> [UInt8] {
        let handle = try open(path)
        defer { try? handle.close() }
        return try readUpTo(.max, from: handle, path: path)
    }

    /// Runs `body`, naming `path` in the error it throws (once).
    static func inFile<Value>(_ path: String, _ body: () throws(DataError) -> Value) throws(DataError) -> Value {
        do {
            return try body()
        } catch {
            switch error {
            case .fileNotFound, .unreadableFile, .inFile: throw error
            default: throw .inFile(path: path, error)
            }
        }
    }

    private static func open(_ path: String) throws(DataError) -> FileHandle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        guard !isDirectory.boolValue else { throw .unreadableFile(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableFile(path: path, reason: "permission denied or not a regular file")
        }
        return handle
    }

    private static func readUpTo(_ count: Int, from handle: FileHandle, path: String) throws(DataError) -> [UInt8] {
        do {
            let data = count == .max ? try handle.readToEnd() : try handle.read(upToCount: count)
            return data.map { [UInt8]($0) } ?? []
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
    }
}
