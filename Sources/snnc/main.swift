// snnc: the command-line entry point; everything it does lives in SNNDriver's CLI.

import Foundation
import SNNDriver

exit(CLI.run(Array(CommandLine.arguments.dropFirst()), io: .process()))
