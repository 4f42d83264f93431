// TextMateGrammarTests.swift — checks Editors/vscode/syntaxes/snn.tmLanguage.json (the VS Code grammar) by
// tokenizing sample lines with a tiny TextMate interpreter: top-level and repository patterns, `match` rules with
// captures, `begin`/`end` rules (nesting across lines), `include`s, earliest match wins and ties go to the first rule.
// NSRegularExpression (ICU) stands in for VS Code's Oniguruma; the grammar sticks to syntax both engines share.
import Foundation
import SNNSource
import SNNSyntax
import Testing

/// The lexer's reserved keywords: the grammar must scope every one of them.
private let reservedKeywords = Keyword.allCases.map(\.rawValue)

private final class Rule {
    var name: String?, contentName: String?
    var match: NSRegularExpression?, begin: NSRegularExpression?, end: NSRegularExpression?
    var captures: [Int: String] = [:], beginCaptures: [Int: String] = [:], endCaptures: [Int: String] = [:]
    var patterns: [Rule] = []
}

private struct GrammarError: Error, CustomStringConvertible { let description: String }

/// The grammar, loaded from the repository; `tokenize` gives each UTF-16 unit of each line its scope stack.
private final class Grammar {
    let scopeName: String
    let repoRoot: URL
    private let root = Rule()
    private var repository: [String: Rule] = [:]

    init() throws {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let relative = "Editors/vscode/syntaxes/snn.tmLanguage.json"
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent(relative).path) {
            guard dir.pathComponents.count > 1 else { throw GrammarError(description: "\(relative) not found") }
            dir.deleteLastPathComponent()
        }
        repoRoot = dir
        let data = try Data(contentsOf: dir.appendingPathComponent(relative))
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw GrammarError(description: "grammar is not a JSON object")
        }
        scopeName = json["scopeName"] as? String ?? ""
        let repo = json["repository"] as? [String: [String: Any]] ?? [:]
        for key in repo.keys { repository[key] = Rule() }
        for (key, value) in repo { try fill(repository[key]!, from: value) }
        root.patterns = try rules(json["patterns"])
    }

    private func fill(_ rule: Rule, from d: [String: Any]) throws {
        func regex(_ key: String) throws -> NSRegularExpression? {
            guard let source = d[key] as? String else { return nil }
            do { return try NSRegularExpression(pattern: source) } catch {
                throw GrammarError(description: "bad \(key) regex \(source): \(error)")
            }
        }
        func names(_ key: String) -> [Int: String] {
            var out: [Int: String] = [:]
            for (k, v) in d[key] as? [String: [String: Any]] ?? [:] { if let i = Int(k) { out[i] = v["name"] as? String } }
            return out
        }
        rule.name = d["name"] as? String
        rule.contentName = d["contentName"] as? String
        (rule.match, rule.begin, rule.end) = (try regex("match"), try regex("begin"), try regex("end"))
        rule.captures = names("captures")
        rule.beginCaptures = d["beginCaptures"] == nil ? rule.captures : names("beginCaptures")
        rule.endCaptures = d["endCaptures"] == nil ? rule.captures : names("endCaptures")
        rule.patterns = try d["include"] != nil ? rules([d]) : rules(d["patterns"])
    }

    private func rules(_ any: Any?) throws -> [Rule] {
        try (any as? [[String: Any]] ?? []).map { d in
            guard let include = d["include"] as? String else { let r = Rule(); try fill(r, from: d); return r }
            if include == "$self" || include == "$base" { return root }
            guard include.hasPrefix("#"), let r = repository[String(include.dropFirst())] else {
                throw GrammarError(description: "unresolved include \(include)")
            }
            return r
        }
    }

    /// Rules that can start a token inside `rule`, with pattern-only groups flattened in order.
    private func candidates(_ rule: Rule) -> [Rule] {
        var out: [Rule] = [], seen = Set<ObjectIdentifier>()
        func walk(_ rs: [Rule]) {
            for r in rs {
                if r.match != nil || r.begin != nil { out.append(r) }
                else if seen.insert(ObjectIdentifier(r)).inserted { walk(r.patterns) }
            }
        }
        walk(rule.patterns)
        return out
    }

    func tokenize(_ lines: [String]) -> [[[String]]] {
        var stack: [Rule] = [root]
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        return lines.map { line in
            let text = line as NSString, length = text.length
            var scopes = [[String]](repeating: [], count: length)
            func inside() -> [String] { [scopeName] + stack.dropFirst().flatMap { [$0.name, $0.contentName].compactMap { $0 } } }
            func paint(_ m: NSTextCheckingResult, _ base: [String], _ caps: [Int: String]) {
                for i in m.range.location..<NSMaxRange(m.range) { scopes[i] = base }
                for (k, name) in caps.sorted(by: { $0.key < $1.key }) where k < m.numberOfRanges {
                    let r = m.range(at: k)
                    if r.location != NSNotFound { for i in r.location..<NSMaxRange(r) { scopes[i].append(name) } }
                }
            }
            var pos = 0, stuck = 0
            while pos <= length {
                let top = stack.last!, range = NSRange(location: pos, length: length - pos)
                var best: (m: NSTextCheckingResult, rule: Rule?)?
                if let end = top.end, let m = end.firstMatch(in: line, options: options, range: range) { best = (m, nil) }
                for r in candidates(top) {
                    if let m = (r.match ?? r.begin)!.firstMatch(in: line, options: options, range: range),
                       best == nil || m.range.location < best!.m.range.location { best = (m, r) }
                }
                guard let (m, rule) = best, stuck < 3 else { break }
                for i in pos..<m.range.location { scopes[i] = inside() }
                if let rule {
                    paint(m, inside() + [rule.name].compactMap { $0 }, rule.match != nil ? rule.captures : rule.beginCaptures)
                    if rule.begin != nil { stack.append(rule) }
                } else {
                    stack.removeLast()
                    paint(m, inside() + [top.name].compactMap { $0 }, top.endCaptures)
                }
                stuck = NSMaxRange(m.range) == pos ? stuck + 1 : 0
                pos = NSMaxRange(m.range)
                if pos == length && stack.last!.end == nil { break }
            }
            for i in min(pos, length)..<length { scopes[i] = inside() }
            return scopes
        }
    }
}

/// Tokenized sample text; `scopes(of:)` answers for the first occurrence of a piece on any line.
private struct Sample: CustomTestStringConvertible {
    let lines: [String], scopes: [[[String]]]
    var testDescription: String { lines.joined(separator: "⏎") }
    init(_ text: String) throws {
        lines = text.components(separatedBy: "\n")
        scopes = try Grammar().tokenize(lines)
    }
    func scopes(of piece: String, occurrence: Int = 0) -> [[String]] {
        var seen = 0
        for (n, line) in lines.enumerated() {
            var search = NSRange(location: 0, length: (line as NSString).length)
            while true {
                let r = (line as NSString).range(of: piece, range: search)
                if r.location == NSNotFound { break }
                if seen == occurrence { return Array(scopes[n][r.location..<NSMaxRange(r)]) }
                seen += 1
                search = NSRange(location: NSMaxRange(r), length: search.length - (NSMaxRange(r) - search.location))
            }
        }
        Issue.record("\(piece) not found in \(lines)")
        return []
    }
    /// True when every unit of `piece` has a scope equal to `prefix` or starting with `prefix.`.
    func all(_ piece: String, _ prefix: String, occurrence: Int = 0) -> Bool {
        let s = scopes(of: piece, occurrence: occurrence)
        return !s.isEmpty && s.allSatisfy { $0.contains { $0 == prefix || $0.hasPrefix(prefix + ".") } }
    }
    func none(_ piece: String, _ prefix: String, occurrence: Int = 0) -> Bool {
        scopes(of: piece, occurrence: occurrence).allSatisfy { !$0.contains { $0 == prefix || $0.hasPrefix(prefix + ".") } }
    }
}

@Test func grammarLoadsAndNamesItsScope() throws {
    #expect(try Grammar().scopeName == "source.snn")
}

@Test(arguments: reservedKeywords)
func reservedKeywordsGetAKeywordScope(_ keyword: String) throws {
    // true and false are keywords of the language but are scoped as constants, as editors colour them.
    let scope = ["true", "false"].contains(keyword) ? "constant.language" : "keyword"
    let s = try Sample("\(keyword)\nfoo \(keyword) bar\n\(keyword)_x = x\(keyword)")
    #expect(s.all(keyword, scope))
    #expect(s.all(" \(keyword) ", scope) == false)                  // the spaces around it are not keywords
    #expect(s.all(keyword, scope, occurrence: 1))
    #expect(s.none("\(keyword)_x", scope))                         // part of a longer name: not a keyword
    #expect(s.none("x\(keyword)", scope))
}

@Test func quantitiesScopeNumberAndUnitSeparately() throws {
    let s = try Sample("tau = 20 ms; El = -65 mV; r = 2 mV/ms; p = 80%; g = 1.5e-3 uS; a = 10 MΩ\nreward +1 when x")
    #expect(s.all("20", "constant.numeric") && s.none("20", "keyword.other.unit"))
    #expect(s.all("ms", "keyword.other.unit") && s.none("ms", "constant.numeric"))
    #expect(s.all("65", "constant.numeric") && s.all("mV", "keyword.other.unit"))
    #expect(s.all("mV/ms", "keyword.other.unit"))
    #expect(s.all("80", "constant.numeric") && s.all("%", "keyword.other.unit"))
    #expect(s.all("1.5e-3", "constant.numeric") && s.all("uS", "keyword.other.unit"))
    #expect(s.all("MΩ", "keyword.other.unit"))
    #expect(s.all("when", "keyword") && s.none("when", "keyword.other.unit"))   // a reserved word is never a unit
}

@Test func commentsLineDocAndNestedBlock() throws {
    let s = try Sample("# comment\nx = 1 ## doc comment\n#[ a #[ b ]# c ]# after\n#[ spans\n  lines ]# neuron n {}")
    #expect(s.all("# comment", "comment"))
    #expect(s.all("## doc comment", "comment") && s.none("x = 1", "comment"))
    #expect(s.all("#[ a #[ b ]# c ]#", "comment") && s.none("after", "comment"))
    #expect(s.all("#[ spans", "comment") && s.all("  lines ]#", "comment"))
    #expect(s.none("neuron", "comment") && s.all("neuron", "keyword"))
}

@Test func stringsWithEscapesAreOneString() throws {
    let s = try Sample(#"path = "a\"b" + 1"# + "\n" + #"x = "unterminated"# + "\nafter")
    let str = s.scopes(of: #""a\"b""#)
    #expect(s.all(#""a\"b""#, "string.quoted.double"))
    #expect(str.filter { $0.contains { $0.hasPrefix("punctuation.definition.string.begin") } }.count == 1)
    #expect(str.filter { $0.contains { $0.hasPrefix("punctuation.definition.string.end") } }.count == 1)
    #expect(s.all(#"\""#, "constant.character.escape"))
    #expect(s.none("+ 1", "string") && s.none("after", "string"))   // strings end at the line end
}

@Test func derivativesAndDeclarationNames() throws {
    let s = try Sample("""
        neuron cuba_lif extends lif {
          dv/dt = (El - v) / tau_m
          pre x_pre: dx_pre/dt = -x_pre / tau_pre
        }
        rule stdp {}
        population exc = cuba_lif[3200]
        input pixels = poisson(rate = 63.75 Hz)
        dataset iris = csv("iris.csv", normalize = minmax)
        boost input rate by 32 Hz while d / dt
        """)
    #expect(s.all("dv/dt", "entity.name.function.derivative"))
    #expect(s.all("dx_pre/dt", "entity.name.function.derivative"))
    #expect(s.none("d / dt", "entity.name.function.derivative"))
    for name in ["cuba_lif", "stdp", "exc", "pixels", "iris"] { #expect(s.all(name, "entity.name.type"), "\(name)") }
    #expect(s.none("rate by", "entity.name.type") && s.all("input", "keyword", occurrence: 1))
    #expect(s.none("normalize", "keyword"))                         // a keyword used as an argument label
}

/// The grammar against the real lexer: in every example model, each token and comment gets the matching scope.
@Test func exampleModelsScopeLikeTheLexer() throws {
    let grammar = try Grammar()
    let examples = grammar.repoRoot.appendingPathComponent("Examples")
    let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".snn") }.sorted()
    #expect(!files.isEmpty)
    func has(_ scopes: [[String]], _ prefix: String) -> Bool {
        !scopes.isEmpty && scopes.allSatisfy { $0.contains { $0 == prefix || $0.hasPrefix(prefix + ".") } }
    }
    func expect(_ scopes: [[String]], _ prefix: String, _ place: String) {
        let ok = has(scopes, prefix)
        #expect(ok, "\(place) is not \(prefix) but \(Set(scopes.joined()).sorted())")
    }
    var checked = 0
    for name in files {
        let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        let file = SourceFile(id: FileID(0), path: name, text: text)
        let lexed = Lexer.lex(file)
        guard lexed.diagnostics.isEmpty else { continue }          // only models that lex cleanly
        checked += 1
        let scopes = grammar.tokenize(text.components(separatedBy: "\n"))
        func span(_ range: SourceRange) -> [[String]] {
            let a = file.position(of: range.startOffset), b = file.position(of: range.endOffset)
            let row = scopes[a.line - 1]
            return Array(row[a.utf16Column..<(b.line == a.line ? b.utf16Column : row.count)])
        }
        for (i, token) in lexed.tokens.enumerated() {
            let where_ = "\(name):\(file.position(of: token.range.startOffset).line) \(token.displayName)"
            let s = span(token.range)
            switch token.kind {
            case .keyword(let k):
                let label = (i > 0 && lexed.tokens[i - 1].kind == .dot)
                    || (i + 1 < lexed.tokens.count && lexed.tokens[i + 1].kind == .equals)
                if !label { expect(s, k == .true || k == .false ? "constant.language" : "keyword", where_) }
            case .number: expect(s, "constant.numeric", where_)
            case .unit: expect(s, "keyword.other.unit", where_)
            case .derivative: expect(s, "entity.name.function.derivative", where_)
            case .string: expect(s, "string.quoted.double", where_)
            case .identifier:
                let wrong = s.joined().filter {
                    ($0.hasPrefix("keyword.") && !$0.hasPrefix("keyword.other.contextual")) || $0.hasPrefix("constant.")
                        || $0.hasPrefix("string.") || $0.hasPrefix("comment.") || $0.hasPrefix("entity.name.function.derivative")
                }
                #expect(wrong.isEmpty, "\(where_) scoped \(Set(wrong))")
            default:
                let inside = s.joined().contains { $0.hasPrefix("comment.") || $0.hasPrefix("string.") }
                #expect(!inside, "\(where_) is scoped as a comment or string")
            }
        }
        for comment in lexed.comments {
            let a = file.position(of: comment.range.startOffset).line, b = file.position(of: comment.range.endOffset).line
            let lines = (a...b).map { n in n == a || n == b ? span(comment.range) : scopes[n - 1] }
            for (n, line) in zip(a..., lines) { expect(line, "comment", "\(name):\(n) comment") }
        }
        let invalid = scopes.joined().contains { $0.contains { $0.hasPrefix("invalid.") } }
        #expect(!invalid, "\(name) has invalid scopes")
    }
    #expect(checked == files.count, "\(files.count - checked) example models do not lex cleanly")
}
