package org.modesweep.jobs;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sweep} command line. Exit codes: 0 success, 1 failure, 2 bad arguments or input. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = EngineVersion.class,
    description = "Parameter sweeps of mode collapse in variational inference.",
    subcommands = {TrajectoryCommand.class, PlanCommand.class, RunCommand.class, ShowCommand.class, RcCommand.class, PlotCommand.class,
        ReportCommand.class, BenchCommand.class, FlowDensityCommand.class, SchemaCommand.class,
        AutoComplete.GenerateCompletion.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // `source <(sweep generate-completion)` completes subcommands and options in bash and zsh.
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cli.setParameterExceptionHandler(BadInput::handleParameterException);
        cli.setExecutionExceptionHandler(BadInput::handleExecutionException);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
