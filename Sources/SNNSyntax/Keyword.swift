// Keywords of the .snn language: reserved words (never names) and contextual words (names except in the
// grammar positions that give them meaning). Grammar/snn.ebnf lists both; a test keeps them in step.

public enum Keyword: String, CaseIterable, Sendable {
    case model, neuron, rule, extends, param, state, `let`, const
    case population, input, connect, learn, normalize, dataset, split
    case train, evaluate, simulate, record, save, load, assign
    case on, with, of, to, from, by, when, `while`, `if`, `else`
    case and, or, not, `true`, `false`

    /// The keyword spelt `word` (the synthesized `init(rawValue:)` compares every case).
    public static func named(_ word: String) -> Keyword? {
        var word = word
        return word.withUTF8 { named(utf8: $0) }
    }

    /// The keyword spelt by these UTF-8 bytes, without making a String: one probe of a small table.
    static func named(utf8 word: UnsafeBufferPointer<UInt8>) -> Keyword? {
        guard let code = code(of: word) else { return nil }
        var slot = slot(of: code)
        while let keyword = table[slot].keyword {
            if table[slot].code == code { return keyword }
            slot = (slot + 1) & (tableSize - 1)
        }
        return nil
    }

    /// The word packed into one integer, 5 bits a letter; nil unless it is 2 to 10 lowercase ASCII letters, as
    /// every keyword is.
    private static func code(of word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard word.count >= 2, word.count <= 10 else { return nil }
        var code: UInt64 = 0
        for byte in word {
            let letter = byte &- (UInt8(ascii: "a") - 1)
            guard letter >= 1, letter <= 26 else { return nil }
            code = code << 5 | UInt64(letter)
        }
        return code
    }

    private static let tableSize = 64

    /// The top 6 bits of a multiplicative hash: one of the 64 slots.
    private static func slot(of code: UInt64) -> Int { Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// Open addressing with linear probing; more slots than keywords, so every probe ends at an empty slot.
    private static let table: [(code: UInt64, keyword: Keyword?)] = {
        var table = [(code: UInt64, keyword: Keyword?)](repeating: (0, nil), count: tableSize)
        for keyword in allCases {
            var spelling = keyword.rawValue
            let packed = spelling.withUTF8 { Keyword.code(of: $0) }!
            var slot = slot(of: packed)
            while table[slot].keyword != nil { slot = (slot + 1) & (tableSize - 1) }
            table[slot] = (packed, keyword)
        }
        return table
    }()

    /// Keywords that begin an item at the top level of a file; the parser resynchronises on them.
    public var startsItem: Bool {
        switch self {
        case .model, .neuron, .rule, .population, .input, .connect, .dataset, .split, .const,
             .train, .evaluate, .simulate, .record, .save, .load, .assign:
            return true
        default:
            return false
        }
    }
}

public enum ContextualKeyword: String, CaseIterable, Sendable {
    case spike, reset, refractory, method, synaptic, pre, post, incoming, outgoing
    case present, rest, reward, boost, rate, labels, freeze
}
