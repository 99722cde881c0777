package org.modesweep.jobs;

import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code sweep} command line. Exit codes ({@link Failures}): 0 success, 1 failure (a bug),
 * 2 bad arguments or input, 3 output locked or damaged, 4 environment, 130/143 interrupted.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = EngineVersion.class,
    description = "Parameter sweeps of mode collapse in variational inference.",
    subcommands = {TrajectoryCommand.class, PlanCommand.class, RunCommand.class, ShowCommand.class, RcCommand.class, PlotCommand.class,
        ReportCommand.class, RepairCommand.class, BenchCommand.class, FlowDensityCommand.class, SchemaCommand.class,
        AutoComplete.GenerateCompletion.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
        description = "Show full stack traces and Spark's log on stderr (else they go to the run log only).")
    boolean debug;

    public static void main(String[] args) {
        RunLog.start(Arrays.asList(args).contains("--debug"));
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // `source <(sweep generate-completion)` completes subcommands and options in bash and zsh.
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        TrajectoryCommand.addSpecOptions(cli.getSubcommands().get("trajectory").getCommandSpec());
        cli.setParameterExceptionHandler(Failures::handleParameterException);
        cli.setExecutionExceptionHandler(Failures::handleExecutionException);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
