// SyntaxCode: the stable codes of every diagnostic the lexer and parser report, with a one-line summary each.
// Codes E0001–E0099 are lexical, E0100–E0199 syntactic. A code never changes meaning once released.

import SNNSource

public enum SyntaxCode: String, CaseIterable, Sendable {
    // Lexical
    case invalidCharacter = "E0001"
    case invalidUTF8 = "E0002"
    case unterminatedString = "E0003"
    case unterminatedComment = "E0004"
    case invalidEscape = "E0005"
    case malformedNumber = "E0006"
    case numberOutOfRange = "E0007"
    case foreignOperator = "E0008"
    case lookalikeCharacter = "E0009"
    // Syntactic
    case expectedItem = "E0100"
    case expectedToken = "E0101"
    case unclosedDelimiter = "E0102"
    case expectedExpression = "E0103"
    case expectedName = "E0104"
    case keywordAsName = "E0105"
    case misplacedMember = "E0106"
    case derivativeInExpression = "E0107"
    case invalidAssignmentTarget = "E0108"
    case chainedComparison = "E0109"
    case nestingTooDeep = "E0110"
    case expectedEndOfItem = "E0111"
    case misplacedModelHeader = "E0112"
    case spacedDerivative = "E0113"
    case unexpectedClosingDelimiter = "E0114"
    case expectedPhaseStatement = "E0115"
    case expectedUnit = "E0116"
    case trailingComma = "E0117"

    public var code: DiagnosticCode { DiagnosticCode(rawValue) }

    public var summary: String {
        switch self {
        case .invalidCharacter: return "a character that is not part of the language"
        case .invalidUTF8: return "bytes that are not valid UTF-8"
        case .unterminatedString: return "a string literal without its closing quote on the same line"
        case .unterminatedComment: return "a `#[` block comment without its closing `]#`"
        case .invalidEscape: return "an unknown escape sequence in a string literal"
        case .malformedNumber: return "a number that is not written correctly (exponent digits, `_`, leading point)"
        case .numberOutOfRange: return "a number too large to represent"
        case .foreignOperator: return "an operator from another language (`&&`, `||`, `!`, `**`)"
        case .lookalikeCharacter: return "a typographic character that looks like an operator or quote"
        case .expectedItem: return "something at the top level that is not a declaration or statement"
        case .expectedToken: return "a required token (`=`, `:`, `->`, …) is missing"
        case .unclosedDelimiter: return "a `(`, `[` or `{` that is never closed"
        case .expectedExpression: return "an expression is required here"
        case .expectedName: return "a name is required here"
        case .keywordAsName: return "a reserved keyword used as a name"
        case .misplacedMember: return "a member that does not belong in this block"
        case .derivativeInExpression: return "a derivative `dv/dt` outside the left side of an equation"
        case .invalidAssignmentTarget: return "the left side of an assignment is not a variable"
        case .chainedComparison: return "comparisons or ranges chained (`a < b < c`, `1..2..3`)"
        case .nestingTooDeep: return "brackets or blocks nested deeper than the parser allows"
        case .expectedEndOfItem: return "two declarations or statements on one line without `;`"
        case .misplacedModelHeader: return "`model NAME` that is not the first item of the file, or a second one"
        case .spacedDerivative: return "a derivative written with spaces (`dv / dt`)"
        case .unexpectedClosingDelimiter: return "a `)`, `]` or `}` without a matching opening one"
        case .expectedPhaseStatement: return "something in a train/evaluate block that is not a phase statement"
        case .expectedUnit: return "a unit is required here"
        case .trailingComma: return "a `,` that ends a line whose next line does not continue the list"
        }
    }
}
