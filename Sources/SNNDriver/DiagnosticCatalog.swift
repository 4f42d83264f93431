// DiagnosticCatalog: every diagnostic code of every stage with its explanation, for `snnc explain`.

import SNNPlan
import SNNSema
import SNNSource
import SNNSyntax

public enum DiagnosticCatalog {
    public static var all: [CodeExplanation] {
        SyntaxCode.allCases.map(\.explanation) + SemaCode.allCases.map(\.explanation)
            + PlanCode.allCases.map(\.explanation) + RunCode.allCases.map(\.explanation)
    }

    public static func explanation(of code: String) -> CodeExplanation? {
        all.first { $0.code.rawValue == code.uppercased() }
    }
}
