// PreludeLibrary: the prelude's files parsed into a compilation's SourceManager, so that its declarations join
// every check and diagnostics or "declared here" notes can point into them.

import SNNSource
import SNNSyntax

public enum PreludeLibrary {
    /// Adds every prelude file to `sources` and returns their syntax trees. A syntax error in the prelude is a
    /// bug of snnc; the prelude's tests keep it clean.
    public static func load(into sources: SourceManager) -> [SourceFileSyntax] {
        Prelude.files.map { Parser.parse(sources.add(path: $0.path, text: $0.source)).syntax }
    }
}
