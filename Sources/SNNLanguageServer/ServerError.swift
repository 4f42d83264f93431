// ServerError: a JSON-RPC error response's code and message, with the codes of JSON-RPC 2.0 and the protocol.

public struct ServerError: Error, Sendable {
    public enum Code: Int, Sendable {
        case parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602
        case serverNotInitialized = -32002, requestFailed = -32803
    }
    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var json: JSONValue { ["code": JSONValue(code.rawValue), "message": .string(message)] }
}
