package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.GovdxException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The base of every runnable command: the {@code --json} switch, the result document and the mapping of
 * failures to exit codes and error codes.
 *
 * <p>A {@link CliException} exits with its own exit code; any other {@link GovdxException} means that a
 * check ran and failed (exit 1) and is reported under the library's code; anything else is an internal
 * error ({@code GDX-5901}, exit 2). Not thread-safe: one instance per run.
 */
public abstract class BaseCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(BaseCommand.class);

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print one JSON document on standard output instead of text.")
  boolean jsonOption;

  private @Nullable CliContext context;
  private @Nullable ObjectNode result;

  final void bind(CliContext ctx) {
    this.context = Objects.requireNonNull(ctx, "ctx == null");
  }

  /**
   * Runs the command.
   *
   * @return the exit code when nothing was thrown: 0, or 1 when the command found failed checks itself
   */
  protected abstract int execute();

  @Override
  public final Integer call() {
    int exit;
    try {
      exit = execute();
    } catch (CliException e) {
      exit = fail(e.exitCode(), e);
    } catch (GovdxException e) {
      exit = fail(GovdxCli.EXIT_CHECK_FAILED, e);
    } catch (RuntimeException e) {
      LOG.debug("internal error", e);
      exit =
          fail(
              GovdxCli.EXIT_ERROR,
              CliException.error(
                  CliErrorCode.INTERNAL,
                  e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                  e));
    }
    if (json()) {
      ObjectNode body = result();
      ObjectNode node = ctx().mapper().createObjectNode();
      node.set("command", body.remove("command"));
      node.put("ok", exit == GovdxCli.EXIT_OK);
      node.put("exitCode", exit);
      node.setAll(body);
      ctx().out().println(node.toPrettyString());
    }
    ctx().out().flush();
    ctx().err().flush();
    return exit;
  }

  private int fail(int exit, GovdxException e) {
    if (json()) {
      ObjectNode error = result().putObject("error");
      error.put("code", e.code());
      error.put("title", e.errorCode().title());
      error.put("message", String.valueOf(e.getMessage()));
    } else {
      ctx()
          .err()
          .println(
              commandName()
                  + ": "
                  + (exit == GovdxCli.EXIT_CHECK_FAILED ? "check failed: " : "error: ")
                  + e.getMessage());
    }
    return exit;
  }

  /**
   * Returns a required option's value; picocli has already refused a command line without it.
   *
   * @param value the option's field
   * @param option the option's name, for the message
   * @param <T> the type
   * @return the value
   */
  protected static <T> T required(@Nullable T value, String option) {
    if (value == null) {
      throw CliException.error(CliErrorCode.USAGE, "missing required option " + option);
    }
    return value;
  }

  /** Returns the run's context. */
  protected final CliContext ctx() {
    if (context == null) {
      throw new IllegalStateException("command not bound to a context");
    }
    return context;
  }

  /** Returns whether the output is one JSON document ({@code --json} here or on {@code govdx}). */
  protected final boolean json() {
    if (jsonOption) {
      return true;
    }
    Object root = spec == null ? null : spec.root().userObject();
    return root instanceof GovdxCommand && ((GovdxCommand) root).json;
  }

  /** Returns standard output as text. */
  protected final PrintWriter out() {
    return ctx().out();
  }

  /** Returns the JSON result document, created on first use with the command's name. */
  protected final ObjectNode result() {
    if (result == null) {
      result = ctx().mapper().createObjectNode();
      String name = commandName();
      result.put("command", name.startsWith("govdx ") ? name.substring("govdx ".length()) : name);
    }
    return result;
  }

  /** Returns the full command name, e.g. {@code govdx codes list}. */
  protected final String commandName() {
    return spec == null ? "govdx" : spec.qualifiedName();
  }
}
