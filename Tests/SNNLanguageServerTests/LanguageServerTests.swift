// Tests of SNNLanguageServer (placeholder until built).

import Testing
import SNNLanguageServer

@Suite struct LanguageServerTests {
    @Test func moduleBuilds() { _ = LanguageServer.self }
}
