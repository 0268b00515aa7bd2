package dev.auditweave.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the key table, so that the README stays true when a key changes. */
class ReadmeConfigTableTest {

    @Test
    void theReadmeListsEveryKeyAsTheKeyTableDescribesIt() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).as("README.md configuration table; regenerate it from ConfigKeys.markdownTable()")
                .contains(ConfigKeys.markdownTable());
    }
}
