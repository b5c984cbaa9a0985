package io.github.govdx.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/**
 * The top-level {@code govdx} command; it only holds the subcommands and the global {@code --json} switch.
 * Not thread-safe: one instance per run.
 */
@Command(
    name = "govdx",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks and makes govdx envelopes, keys, records and identifiers for the government data-sharing "
          + "exchange (政务数据共享交换平台), and calls the exchange: catalog, apply, query, push, transfer."
    },
    subcommands = {
      KeygenCommand.class,
      SealCommand.class,
      OpenCommand.class,
      VerifyCommand.class,
      InspectCommand.class,
      CheckIdCommand.class,
      CodesCommand.class,
      ValidateCommand.class,
      EvidenceCommand.class,
      OutboxCommand.class,
      ExchangeCommands.Catalog.class,
      ExchangeCommands.Apply.class,
      ExchangeCommands.Query.class,
      ExchangeCommands.Push.class,
      TransferCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the command succeeded and every check passed",
      "1:a check ran and failed (signature, trust, addressing, identifier, record, evidence chain),"
          + " or the exchange refused a call",
      "2:the check could not run (usage error, unreadable or existing file, internal error)",
      "3:an exchange call failed in a way a retry can help (unreachable, timed out, busy); run it again"
    },
    footer = {"%nEvery failure names its stable error code (GDX-nnnn); see docs/errors.md."})
public final class GovdxCommand {

  @Option(
      names = "--json",
      description = "Print one JSON document on standard output instead of text.")
  boolean json;
}
