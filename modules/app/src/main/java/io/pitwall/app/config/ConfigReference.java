package io.pitwall.app.config;

/** Renders the configuration reference as Markdown from {@link PitwallSettings}. */
public final class ConfigReference {

  private ConfigReference() {}

  /** The reference table of every setting. */
  public static String markdown() {
    StringBuilder out =
        new StringBuilder(
            "| key | environment variable | default | description |\n|---|---|---|---|\n");
    for (Setting setting : PitwallSettings.ALL) {
      out.append("| `")
          .append(setting.key())
          .append("` | `")
          .append(setting.envName())
          .append("` | ")
          .append(
              setting.required()
                  ? "required"
                  : setting.defaultValue() == null ? "—" : "`" + setting.defaultValue() + "`")
          .append(" | ")
          .append(setting.doc().replace("|", "\\|"))
          .append(" |\n");
    }
    out.append(
        "| `watch.<n>` | `PITWALL_WATCH_<N>` | — | A watched account: `psn:<accountId>` (or `psn:me`; options `label=<text>`, `backfill=true`), `gt:<user_no>` (option `label=`) or `gridstats:<psnId>` (options `label=`, `series=<id>,<id>`). |\n");
    return out.toString();
  }
}
