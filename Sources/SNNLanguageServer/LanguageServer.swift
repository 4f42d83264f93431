// LanguageServer: `snnc lsp` (placeholder until built).

public enum LanguageServer {}
