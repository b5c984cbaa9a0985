package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.ident.CheckResult;
import io.github.govdx.core.ident.IdentifierType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code govdx check-id TYPE VALUE...}: checks identifiers (GB 11643 citizen ID numbers, GB 32100 unified
 * social credit codes, GB 11714 organization codes) and prints one line per value. Not thread-safe.
 */
@Command(
    name = "check-id",
    header = "Check identifiers (GB 11643, GB 32100, GB 11714).",
    mixinStandardHelpOptions = true,
    description = {
      "Checks identifiers and prints one line per value:",
      "  VALUE<TAB>valid",
      "  VALUE<TAB>invalid<TAB>CODE<TAB>reason",
      "Exit 1 if any value is invalid. Values are printed as given (they may be personal data)."
    })
public final class CheckIdCommand extends BaseCommand {

  @Parameters(
      index = "0",
      paramLabel = "TYPE",
      description =
          "gb11643 (citizen ID number), gb32100 (unified social credit code), gb11714 "
              + "(organization code); also mobile, postal.")
  String type = "";

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "VALUE",
      description = "The values to check.")
  List<String> values = new ArrayList<>();

  @Override
  protected int execute() {
    IdentifierType identifierType =
        IdentifierType.fromKey(type.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    CliException.error(
                        CliErrorCode.IDENTIFIER_TYPE_UNKNOWN,
                        "unknown identifier type '"
                            + type
                            + "'; use gb11643, gb32100, gb11714, mobile or postal"));
    boolean anyInvalid = false;
    ArrayNode results = json() ? result().put("type", type).putArray("results") : null;
    for (String value : values) {
      CheckResult r = identifierType.check(value);
      String code = r.errorCode().map(c -> c.code()).orElse("");
      if (!r.isValid()) {
        anyInvalid = true;
      }
      if (results != null) {
        ObjectNode n = results.addObject();
        n.put("value", value);
        n.put("valid", r.isValid());
        if (!r.isValid()) {
          n.put("code", code);
          n.put("rule", r.rule());
          n.put("reason", r.reason());
        }
      } else if (r.isValid()) {
        out().println(value + "\tvalid");
      } else {
        out().println(value + "\tinvalid\t" + code + "\t" + r.reason());
      }
    }
    return anyInvalid ? GovdxCli.EXIT_CHECK_FAILED : GovdxCli.EXIT_OK;
  }
}
