// MessageFraming: the base protocol's framing — `Content-Length: N\r\n\r\n` followed by N bytes of JSON — read
// from a file descriptor and written to a sink. The reader never hangs on a wrong length: a length too long is
// cut at the next header or, when the input pauses, at the end of a complete JSON body; bytes before a header
// (the rest of a body whose length was too short) are skipped.

import Foundation

public final class MessageReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false
    /// How long the reader waits for the rest of a body before it tries the bytes it has.
    private let pause: Int32

    public init(fileDescriptor: Int32, pauseMilliseconds: Int32 = 100) {
        self.fd = fileDescriptor
        self.pause = pauseMilliseconds
    }

    /// The next message body, or nil at the end of the input. A body may not be valid JSON (the caller answers
    /// with a parse error).
    public func next() -> Data? {
        while true {
            guard let headerEnd = find(Self.headerTerminator, from: 0) else {
                if atEnd { return nil }
                _ = fill(timeout: -1)
                continue
            }
            let header = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
            let bodyStart = headerEnd + Self.headerTerminator.count
            guard let length = Self.contentLength(in: header) else {
                buffer.removeSubrange(0..<bodyStart)          // a header without a length: nothing to read
                return Data()
            }
            return body(from: bodyStart, length: length)
        }
    }

    private func body(from start: Int, length: Int) -> Data {
        var checkedUpTo = start
        while true {
            if let next = nextHeader(from: start, searchingFrom: checkedUpTo), next < start + length {
                return take(start, next)                       // the length was too long: a new message begins
            }
            if buffer.count - start >= length { return take(start, start + length) }
            checkedUpTo = max(start, buffer.count - Self.headerTerminator.count)
            if atEnd { return take(start, buffer.count) }
            if !fill(timeout: pause), JSONValue.parse(Data(buffer[start...])) != nil {
                return take(start, buffer.count)               // the input paused after a complete body
            }
        }
    }

    /// Where a header starts after `start`: a `Content-Length` field before a blank line (a JSON body never holds
    /// a raw line break inside a string, so this is no document text).
    private func nextHeader(from start: Int, searchingFrom: Int) -> Int? {
        guard let terminator = find(Self.headerTerminator, from: searchingFrom) else { return nil }
        var field: Int?
        var index = start
        while let found = find(Self.lengthField, from: index, caseInsensitive: true), found < terminator {
            field = found
            index = found + 1
        }
        return field
    }

    private func take(_ start: Int, _ end: Int) -> Data {
        let body = Data(buffer[start..<end])
        buffer.removeSubrange(0..<end)
        return body
    }

    /// Reads what is available (waiting at most `timeout` ms, -1 for ever); false when nothing came in time.
    private func fill(timeout: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeout)
        if ready == 0 { return false }
        if ready < 0 { if errno == EINTR { return false }; atEnd = true; return true }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count <= 0 {
            if count < 0, errno == EINTR { return false }
            atEnd = true
        } else {
            buffer.append(contentsOf: chunk[0..<count])
        }
        return true
    }

    private static let headerTerminator = Array("\r\n\r\n".utf8)
    private static let lengthField = Array("content-length:".utf8)

    static func contentLength(in header: String) -> Int? {
        for line in header.split(whereSeparator: { $0 == "\r" || $0 == "\n" }) {
            // Bytes before the field are the rest of a body whose length was too short.
            guard let field = line.range(of: "content-length:", options: .caseInsensitive) else { continue }
            if let length = Int(line[field.upperBound...].trimmingCharacters(in: .whitespaces)), length >= 0 {
                return length
            }
        }
        return nil
    }

    private func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard buffer.count >= needle.count, start <= buffer.count - needle.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            outer: for index in start...(bytes.count - needle.count) {
                for (offset, expected) in needle.enumerated() {
                    var byte = bytes[index + offset]
                    if caseInsensitive, byte >= 65, byte <= 90 { byte += 32 }
                    if byte != expected { continue outer }
                }
                return index
            }
            return nil
        }
    }
}

/// Writes framed messages; safe to call from any thread.
public final class MessageWriter: @unchecked Sendable {
    private let sink: (Data) -> Void
    private let lock = NSLock()

    public init(sink: @escaping (Data) -> Void) { self.sink = sink }

    /// A writer to a file descriptor (standard output for the server).
    public convenience init(fileDescriptor: Int32) {
        let handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
        self.init { data in try? handle.write(contentsOf: data) }
    }

    public func send(_ message: JSONValue) {
        let body = message.data
        var framed = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.append(body)
        lock.lock()
        sink(framed)
        lock.unlock()
    }
}
