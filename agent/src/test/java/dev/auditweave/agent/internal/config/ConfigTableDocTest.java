package dev.auditweave.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration table of docs/configuration.md is the key table, so that the documentation stays true when a
 * key changes. On a failure, replace the table under the marker with the output of ConfigKeys.markdownTable().
 */
class ConfigTableDocTest {

    private static final String MARKER =
            "<!-- generated from ConfigKeys.markdownTable(); ConfigTableDocTest keeps it in step -->\n";

    @Test
    void theConfigurationPageListsEveryKeyAsTheKeyTableDescribesIt() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "configuration.md"));

        assertThat(page).as("docs/configuration.md configuration table; regenerate it from ConfigKeys.markdownTable()")
                .contains(MARKER + ConfigKeys.markdownTable());
    }
}
