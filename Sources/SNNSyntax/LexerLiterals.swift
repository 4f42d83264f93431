// Lexer: numbers and the unit that may follow them (`20 ms`, `2 mV/ms`, `80%`), strings with escapes,
// and comments (`#`, `##` doc comments, nestable `#[ … ]#` block comments).

import SNNSource

extension Lexer {
    // MARK: - Numbers and units

    mutating func lexNumber() {
        let start = index
        var problem: (String, String?)?
        if bytes[index] == UInt8(ascii: ".") {
            problem = ("a number needs a digit before its decimal point", "0")
        } else {
            scanDigits(&problem)
        }
        if byte(at: index) == UInt8(ascii: "."), let next = byte(at: index + 1), isDigit(next) {
            index += 1
            scanDigits(&problem)
        }
        if let e = byte(at: index), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var afterSign = index + 1
            if let sign = byte(at: afterSign), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { afterSign += 1 }
            if let digit = byte(at: afterSign), isDigit(digit) {
                index = afterSign
                scanDigits(&problem)
            } else if afterSign > index + 1 || !isIdentifierContinue(at: index + 1) {
                index = afterSign                          // `1e`, `1e+`: an exponent with no digits
                problem = problem ?? ("the exponent of this number has no digits", nil)
            }                                              // else `1em`: the letters are a unit
        }
        let text = numberText(start, index)
        if let (message, insertion) = problem {
            let fixIts = insertion.map { [FixIt(replace: range(start, start), with: $0)] } ?? []
            report(.malformedNumber, message, start, index, fixIts: fixIts)
        } else if mayOverflow(start, index), let value = Double(text), !value.isFinite {
            report(.numberOutOfRange, "the number \(text) is too large", start, index,
                   help: "use a unit prefix or an exponent that stays below 1.8e308")
        }
        add(.number, start, index, text)
        lexUnit(afterNumberAt: index)
    }

    /// The number `start..<end` as the parser reads it: without `_` separators, with a `0` before a leading `.`.
    private func numberText(_ start: Int, _ end: Int) -> String {
        let written = bytes[start..<end]
        let leadingDot = written.first == UInt8(ascii: ".")
        guard leadingDot || written.contains(UInt8(ascii: "_")) else { return file.text(in: start..<end) }
        let digits = (leadingDot ? [UInt8(ascii: "0")] : []) + written.filter { $0 != UInt8(ascii: "_") }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Whether the number `start..<end` may be too large for a Double: only one with an exponent or 309 digits.
    private func mayOverflow(_ start: Int, _ end: Int) -> Bool {
        end - start > 308 || bytes[start..<end].contains { $0 | 0x20 == UInt8(ascii: "e") }
    }

    /// Digits with `_` separators; a `_` that does not sit between two digits is a problem.
    private mutating func scanDigits(_ problem: inout (String, String?)?) {
        while let byte = byte(at: index), isDigit(byte) || byte == UInt8(ascii: "_") {
            if byte == UInt8(ascii: "_") {
                let before = index > 0 && isDigit(bytes[index - 1])
                let after = self.byte(at: index + 1).map(isDigit) ?? false
                if !(before && after) { problem = problem ?? ("'_' may only separate digits in a number", nil) }
            }
            index += 1
        }
    }

    /// A unit written after a number on the same line: `ms`, `mV/ms`, `mS/cm^2`, or `%` right after the digits.
    /// A reserved keyword after a number (`10.4 on spike`) is not a unit.
    private mutating func lexUnit(afterNumberAt numberEnd: Int) {
        if byte(at: numberEnd) == UInt8(ascii: "%") {
            index = numberEnd + 1
            add(.unit, numberEnd, index, "%")
            return
        }
        var start = numberEnd
        while let byte = byte(at: start), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { start += 1 }
        guard isIdentifierStart(at: start) else { return }
        let firstEnd = identifierEnd(from: start)
        if keyword(from: start, to: firstEnd) != nil { return }
        if firstEnd - start >= 2, bytes[start] == UInt8(ascii: "d"), matches("/dt", at: firstEnd) { return }
        var end = firstEnd
        while true {
            if byte(at: end) == UInt8(ascii: "^") {
                var digit = end + 1
                if byte(at: digit) == UInt8(ascii: "-") { digit += 1 }
                guard let first = byte(at: digit), isDigit(first) else { break }
                end = digit
                while let next = byte(at: end), isDigit(next) { end += 1 }
            }
            guard let op = byte(at: end), op == UInt8(ascii: "/") || op == UInt8(ascii: "*"),
                  isIdentifierStart(at: end + 1) else { break }
            end = identifierEnd(from: end + 1)
        }
        index = end
        add(.unit, start, end, file.text(in: start..<end))
    }

    // MARK: - Strings

    mutating func lexString() {
        let start = index
        index += 1
        var value: [UInt8] = []
        while true {
            guard let byte = byte(at: index), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                report(.unterminatedString, "this string has no closing '\"' on its line", start, start + 1,
                       help: "strings end on the line where they start",
                       fixIts: [FixIt(replace: range(index, index), with: "\"")])
                break
            }
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { lexEscape(into: &value) } else { value.append(byte) }
        }
        add(.string, start, index, String(decoding: value, as: UTF8.self))
    }

    /// After a backslash: `\n \t \r \" \\ \0 \u{…}`.
    private mutating func lexEscape(into value: inout [UInt8]) {
        let start = index - 1
        guard let byte = byte(at: index), byte != UInt8(ascii: "\n") else { return }
        index += 1
        switch byte {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "0"): value.append(0)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(byte)
        case UInt8(ascii: "u") where self.byte(at: index) == UInt8(ascii: "{"):
            var end = index + 1
            while let digit = self.byte(at: end), digit != UInt8(ascii: "}"), digit != UInt8(ascii: "\""),
                  digit != UInt8(ascii: "\n"), end - index <= 8 { end += 1 }
            let hex = file.text(in: (index + 1)..<end)
            if self.byte(at: end) == UInt8(ascii: "}"), (1...6).contains(hex.count),
               let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                value.append(contentsOf: Array(String(scalar).utf8))
                index = end + 1
            } else {
                report(.invalidEscape, "'\\u{\(hex)}' is not a valid Unicode escape", start, min(end + 1, bytes.count),
                       help: "write 1 to 6 hexadecimal digits of a Unicode scalar, e.g. \\u{00B5}")
                index = min(end + 1, bytes.count)
            }
        default:
            index = start + 1 + scalarLength(at: start + 1)
            report(.invalidEscape, "unknown escape sequence '\(file.text(in: start..<index))'", start, index,
                   help: "valid escapes are \\n \\t \\r \\0 \\\" \\\\ and \\u{…}; write \\\\ for a backslash")
        }
    }

    // MARK: - Comments

    mutating func lexComment() {
        let start = index
        if byte(at: index + 1) == UInt8(ascii: "[") {
            lexBlockComment()
            return
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        let isDoc = byte(at: start + 1) == UInt8(ascii: "#")
        var textStart = start + 1
        while textStart < index, bytes[textStart] == UInt8(ascii: "#") { textStart += 1 }
        comments.append(Comment(kind: isDoc ? .doc : .line, range: range(start, index),
                                text: file.text(in: textStart..<index).trimmingSpaces))
    }

    /// `#[ … ]#`, nesting; a comment that spans lines separates items like a line break does.
    private mutating func lexBlockComment() {
        let start = index
        var depth = 0
        var spansLines = false
        while index < bytes.count {
            if matches("#[", at: index) { depth += 1; index += 2; continue }
            if matches("]#", at: index) {
                depth -= 1; index += 2
                if depth == 0 { break }
                continue
            }
            if bytes[index] == UInt8(ascii: "\n") { spansLines = true }
            index += 1
        }
        if depth > 0 {
            report(.unterminatedComment, "this block comment is never closed", start, start + 2,
                   help: "close it with ']#' (block comments nest: each '#[' needs its own ']#')")
        }
        let textEnd = depth > 0 ? index : index - 2
        comments.append(Comment(kind: .block, range: range(start, index),
                                text: file.text(in: (start + 2)..<max(start + 2, textEnd)).trimmingSpaces))
        if spansLines { addNewline(at: start) }
    }
}
