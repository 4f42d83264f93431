// NumberValue: the value of a number token's text (digits, an optional fraction and exponent, no `_`). Short
// decimals take an exact shortcut; every other number goes through Double's own parser.

enum NumberValue {
    /// The value of `text`, or nil when it is not a number.
    static func of(_ text: String) -> Double? {
        shortDecimal(text) ?? Double(text)
    }

    /// `digits[.digits]` with at most 15 digits: the digits as an integer are exact in a Double and so is 10^k,
    /// so one correctly rounded division is the correctly rounded value, as Double(text) gives it (Clinger's
    /// fast path). Nil for anything else.
    private static func shortDecimal(_ text: String) -> Double? {
        var mantissa: UInt64 = 0, digits = 0, fractionDigits = 0, seenPoint = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10, digits < 15 else { return nil }
            mantissa = mantissa * 10 + UInt64(digit)
            digits += 1
            if seenPoint { fractionDigits += 1 }
        }
        guard digits > 0 else { return nil }
        return Double(mantissa) / powersOfTen[fractionDigits]
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                                1e13, 1e14, 1e15]
}
