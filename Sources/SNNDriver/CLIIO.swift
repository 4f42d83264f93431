// CLIIO: the command line's view of the outside world (arguments aside), so that the CLI runs in-process
// in tests with captured output and in the `snnc` executable with the real streams.

import Foundation

public struct CLIIO {
    public var readFile: (String) throws -> [UInt8]
    public var readStandardInput: () -> [UInt8]
    public var writeOutput: (String) -> Void
    public var writeError: (String) -> Void
    public var environment: [String: String]
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal (progress bars are drawn only then).
    public var errorIsTerminal: Bool
    /// Whether Ctrl-C may be caught to stop a run cleanly (the real process, not in-process tests).
    public var catchesInterrupts: Bool

    public init(readFile: @escaping (String) throws -> [UInt8], readStandardInput: @escaping () -> [UInt8],
                writeOutput: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
                environment: [String: String], outputIsTerminal: Bool, errorIsTerminal: Bool = false,
                catchesInterrupts: Bool = false) {
        self.errorIsTerminal = errorIsTerminal
        self.catchesInterrupts = catchesInterrupts
        self.readFile = readFile
        self.readStandardInput = readStandardInput
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.environment = environment
        self.outputIsTerminal = outputIsTerminal
    }

    /// The real process: files from disk, stdin, stdout, stderr.
    public static func process() -> CLIIO {
        CLIIO(
            readFile: readFromDisk,
            readStandardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            environment: ProcessInfo.processInfo.environment,
            outputIsTerminal: isatty(STDOUT_FILENO) != 0,
            errorIsTerminal: isatty(STDERR_FILENO) != 0,
            catchesInterrupts: true)
    }

    private static func readFromDisk(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.io("cannot read '\(path)': no such file")
        }
        if isDirectory.boolValue { throw CLIError.io("cannot read '\(path)': it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.io("cannot read '\(path)': permission denied or unreadable")
        }
        return [UInt8](data)
    }
}

/// A problem with how snnc was called or with its files: one line on stderr and exit status 2.
public enum CLIError: Error, Equatable {
    case usage(String)
    case io(String)

    public var message: String {
        switch self {
        case .usage(let text), .io(let text): return text
        }
    }
}
