// HelpText: what `snnc --help` and `snnc help COMMAND` print.

enum HelpText {
    static let overview = """
        snnc — the compiler and runtime for .snn spiking neural network models

        Usage: snnc <command> [options] [files]

        Commands:
          check     Check models for mistakes and report them with their location
          run       Simulate a model and report spikes, rates and speed; write recordings (snnc run cuba.snn)
          plan      Print the execution plan: buffers, compiled programs, synapses, memory (snnc plan cuba.snn)
          explain   Explain a diagnostic code with a wrong and a right example (snnc explain E0102)
          prelude   Show the built-in neuron models and learning rules (snnc prelude lif)
          fmt       Rewrite models in the canonical layout (snnc fmt model.snn; --check for CI)
          lsp       Run the language server for editors (Language Server Protocol on standard input/output)
          help      Show help for a command (snnc help check)

        Options:
          -h, --help     Show this help
          --version      Show the version

        Exit status: 0 no errors, 1 the model has errors, 2 bad usage or unreadable file.
        Documentation: docs/language.md (the language), Grammar/snn.ebnf (the grammar).

        """

    static let check = """
        Usage: snnc check [options] FILE... | -

        Checks .snn models and reports every mistake found, with file, line and column: syntax, names,
        physical units, shapes and sizes, values, and the experiment. Use '-' to read a model from standard input.
        Dataset files are read (headers only, for IDX) to check shapes; they are looked for beside the model,
        then in --data DIR, then in $SNNC_DATA.

        Options:
          --format human|gcc|json  How to print diagnostics (default: human)
                                   gcc:  file:line:col: error: message [E0102], one per line
                                   json: one document; positions also give UTF-16 columns (LSP)
          --color auto|always|never
                                   Colour human output (auto: only on a terminal and without NO_COLOR)
          --stdin-filename NAME    The name to show for standard input (default: <stdin>)
          --data DIR               Look for dataset files in DIR too
          --stats                  Print each model's size: neurons, expected synapses, memory
          --dump-ast               Print the syntax tree of each file (for debugging)
          -h, --help               Show this help

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable file.

        """

    static let explain = """
        Usage: snnc explain [CODE]

        Prints the long explanation of a diagnostic code (such as E0102, shown in brackets after each
        diagnostic), with an example that produces it and the same example corrected.
        Without a code, lists every code with a one-line summary.

        """

    static let prelude = """
        Usage: snnc prelude [NAME...] [--list]

        Prints the built-in neuron models and learning rules, written in .snn with their sources and defaults.
        With NAME, prints only that model or rule (and its doc comment); --list gives one line per declaration.
        A model can be used as it is (`population exc = lif[100]`) with its parameters overridden
        (`lif(tau_m = 20 ms)`), extended (`neuron mine extends lif { … }`), or copied and changed.

        """

    static let run = """
        Usage: snnc run MODEL [options]

        Checks the model, compiles it to an execution plan and simulates it on the SIMD interpreter. Prints
        spikes and mean rate per population and input, simulated and wall time, neuron-steps/s and synaptic
        events/s. `record` statements are written as CSV and NumPy .npy files (numpy.load reads them).
        Ctrl-C stops the run after the current step and still writes what was recorded. A model that trains
        and evaluates runs its experiment and prints the training and evaluation results (accuracy, per-class
        accuracy, confusion matrix); training writes a checkpoint to the output folder every
        --checkpoint-every samples, and --resume carries on from it after an interruption.

        Options:
          --threads N      Worker threads, used exactly (default: up to all cores, as many as the network's
                           work per step pays for; results are bit-identical for any N)
          --json           Print the summary as JSON on standard output
          --plot FILE.svg  Draw an SVG: for a model with an experiment (train, evaluate, load) and a learning
                           connection, the receptive fields of the first one from a 2-D input (one
                           grayscale image of its weights per target neuron); otherwise the spike raster
                           (and recorded traces)
          --out DIR        Where recordings go (default: MODEL_output in the current folder)
          --data DIR       Look for data files in DIR too (after the model's folder, before $SNNC_DATA)
          --checkpoint-every N
                           Training samples between checkpoints (default 1000; 0: none). The checkpoint
                           is MODEL.checkpoint in the output folder, removed when the experiment completes
          --resume         Continue from the checkpoint (same model and --threads), if there is one
          -h, --help       Show this help

        Exit status: 0 the run completed, 1 the model has errors or a variable diverged, 2 bad usage.

        """

    static let plan = """
        Usage: snnc plan MODEL [--data DIR]

        Checks the model and compiles it to its execution plan without running it, then prints the plan: the
        schedule, each population's buffers, integration method and programs (initialise, update, threshold,
        reset) as instruction listings, the spike sources, the projections with their synapse counts, delays and
        effects, the recorders, and the memory the run will need.

        """

    static let lsp = """
        Usage: snnc lsp [--data DIR] [--debounce MS]

        Runs the language server: the Language Server Protocol over standard input and output, for editors
        (VS Code, Neovim, Emacs eglot, Vim — see Editors/README.md). It reports the diagnostics of `snnc check`
        as you type, with quick fixes, and answers hover (units and docs), go to definition (into the prelude),
        references, rename, completion, signature help, the outline and formatting (as `snnc fmt`).

        Options:
          --data DIR      Also look for dataset files in DIR (after the model's folder, before $SNNC_DATA)
          --debounce MS   Publish diagnostics once edits pause for MS milliseconds (default 75; 0: every change)

        Exit status: 0 after the client's shutdown and exit, 1 when the input ends or exit comes without shutdown.

        """

    static let fmt = """
        Usage: snnc fmt [--check] FILE... | -

        Rewrites .snn models in place in the one canonical layout: two-space indentation, one space around
        operators, '->' and '=', parameters sharing lines with ';' and runs of equations aligned in columns, at
        most one blank line (and one around each neuron and rule), comments kept where they are. Long lines are
        left as they are. A file with syntax errors is not changed; its errors are printed. With '-', formats
        standard input to standard output.

        Options:
          --check      Change nothing: name each file that would change, with how many lines, and exit 1 if any
          -h, --help   Show this help

        Exit status: 0 done (with --check: nothing to change), 1 syntax errors or (with --check) files that
        would change, 2 bad usage or an unreadable file.

        """

    static func command(_ name: String) -> String? {
        switch name {
        case "run": return run
        case "plan": return plan
        case "check": return check
        case "explain": return explain
        case "prelude": return prelude
        case "fmt": return fmt
        case "lsp": return lsp
        case "help": return overview
        default: return nil
        }
    }
}
