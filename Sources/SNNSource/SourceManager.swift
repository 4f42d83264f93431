// SourceManager: owns every SourceFile of one compilation (the user's files, stdin, later the prelude).

public final class SourceManager {
    public private(set) var files: [SourceFile] = []

    public init() {}

    @discardableResult
    public func add(path: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(id: FileID(UInt32(files.count)), path: path, bytes: bytes)
        files.append(file)
        return file
    }

    @discardableResult
    public func add(path: String, text: String) -> SourceFile {
        add(path: path, bytes: Array(text.utf8))
    }

    public func file(_ id: FileID) -> SourceFile { files[Int(id.raw)] }

    public func position(_ range: SourceRange) -> (start: SourcePosition, end: SourcePosition) {
        let file = file(range.file)
        return (file.position(of: range.startOffset), file.position(of: range.endOffset))
    }
}
