package org.calsync.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Unique constraints carry the same names in the Flyway migrations and in the JPA mapping. */
class ConstraintNamesTest {

    @Test
    void everyUniqueConstraintOfTheSchemaIsNamedTheSameInOrmXml() throws IOException {
        Set<String> inSql = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("db/migration"))) {
            for (Path migration : migrations.filter(p -> p.toString().endsWith(".sql")).toList()) {
                collect(Pattern.compile("CONSTRAINT (uk_\\w+) UNIQUE"), Files.readString(migration), inSql);
            }
        }
        Set<String> inMapping = new TreeSet<>();
        collect(Pattern.compile("<unique-constraint name=\"(uk_\\w+)\""),
                Files.readString(Path.of("src/main/resources/META-INF/orm.xml")), inMapping);
        assertFalse(inSql.isEmpty());
        assertEquals(inSql, inMapping);
    }

    private static void collect(Pattern pattern, String text, Set<String> names) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }
}
