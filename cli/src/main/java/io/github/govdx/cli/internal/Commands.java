package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import java.io.PrintWriter;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the picocli command tree for one run and executes it, mapping picocli's own failures to the govdx
 * exit codes ({@code GDX-5001} usage errors exit 2). Thread-safe: every call builds its own tree.
 */
public final class Commands {

  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  private Commands() {}

  /**
   * Parses {@code args} and runs the selected command.
   *
   * @param ctx the output streams and clock of this run
   * @param args the command-line arguments
   * @return the exit code
   */
  public static int execute(CliContext ctx, String... args) {
    try {
      return commandLine(ctx).execute(args);
    } finally {
      ctx.flush();
    }
  }

  static CommandLine commandLine(CliContext ctx) {
    IFactory defaults = CommandLine.defaultFactory();
    IFactory factory =
        new IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            K instance = defaults.create(cls);
            if (instance instanceof BaseCommand) {
              ((BaseCommand) instance).bind(ctx);
            }
            return instance;
          }
        };
    CommandLine cl = new CommandLine(new GovdxCommand(), factory);
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(PartyId.class, Commands::parseParty);
    cl.setParameterExceptionHandler((ex, argv) -> usageError(ctx, ex, argv));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          LOG.debug("command failed outside its own handler", ex);
          ctx.err()
              .println(
                  commandLine.getCommandSpec().qualifiedName()
                      + ": error: "
                      + CliErrorCode.INTERNAL.code()
                      + ": "
                      + ex.getClass().getName());
          return GovdxCli.EXIT_ERROR;
        });
    return cl;
  }

  private static PartyId parseParty(String text) {
    try {
      return PartyId.parse(text);
    } catch (GovdxException e) {
      throw new TypeConversionException(String.valueOf(e.getMessage()));
    }
  }

  private static int usageError(CliContext ctx, ParameterException ex, String[] argv) {
    CommandLine failed = ex.getCommandLine();
    String name = failed.getCommandSpec().qualifiedName();
    String message = CliErrorCode.USAGE.code() + ": " + ex.getMessage();
    if (Arrays.asList(argv).contains("--json")) {
      ObjectNode node = ctx.mapper().createObjectNode();
      node.put("command", name.startsWith("govdx ") ? name.substring("govdx ".length()) : name);
      node.put("ok", false);
      node.put("exitCode", GovdxCli.EXIT_ERROR);
      ObjectNode error = node.putObject("error");
      error.put("code", CliErrorCode.USAGE.code());
      error.put("title", CliErrorCode.USAGE.title());
      error.put("message", message);
      ctx.out().println(node.toPrettyString());
      return GovdxCli.EXIT_ERROR;
    }
    PrintWriter err = ctx.err();
    err.println(name + ": error: " + message);
    UnmatchedArgumentException.printSuggestions(ex, err);
    if (!failed.getSubcommands().isEmpty()
        && failed.getCommandSpec().userObject() != null
        && !(failed.getCommandSpec().userObject() instanceof BaseCommand)) {
      failed.usage(err);
    } else {
      err.println("Run '" + name + " --help' for usage.");
    }
    return GovdxCli.EXIT_ERROR;
  }
}
