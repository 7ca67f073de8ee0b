package org.calsync.infrastructure.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.OAuthSignIn;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderTraits.SignIn;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The README's "Adding a calendar kind" checklist, checked: every kind has one adapter declaring its traits, the
 * traits hold together, and every bundle names the kind in both languages, with the words its traits need.
 */
class CalendarKindsTest {

    private static final Map<CalendarProviderType, ProviderTraits> DECLARED = new EnumMap<>(CalendarProviderType.class);
    private static final Set<CalendarProviderType> OAUTH_SIGN_INS = new TreeSet<>();

    @BeforeAll
    static void findTheAdapters() throws ReflectiveOperationException {
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.calsync.infrastructure.provider")) {
            Class<?> adapter = type.reflect();
            if (Modifier.isAbstract(adapter.getModifiers()) || adapter.isInterface()) {
                continue;
            }
            if (CalendarProvider.class.isAssignableFrom(adapter)) {
                ProviderTraits traits = ((CalendarProvider) adapter.getConstructor().newInstance()).traits();
                ProviderTraits twice = DECLARED.put(traits.type(), traits);
                assertTrue(twice == null, "two adapters for " + traits.type());
            }
            if (OAuthSignIn.class.isAssignableFrom(adapter)) {
                OAUTH_SIGN_INS.add(((OAuthSignIn) adapter.getConstructor().newInstance()).type());
            }
        }
    }

    @Test
    void everyKindHasOneAdapterAndEveryOAuthKindSaysHowToSignIn() {
        assertEquals(Set.of(CalendarProviderType.values()), DECLARED.keySet());
        Set<CalendarProviderType> oauth = new TreeSet<>();
        DECLARED.values().stream().filter(ProviderTraits::usesOAuth).forEach(traits -> oauth.add(traits.type()));
        assertEquals(oauth, OAUTH_SIGN_INS, "an OAuthSignIn for every OAuth kind, and for no other");
    }

    @Test
    void traitsHoldTogether() {
        for (ProviderTraits traits : DECLARED.values()) {
            String kind = traits.type().name();
            assertEquals(traits.signIn() == SignIn.APP_PASSWORD, traits.defaultServer() != null,
                    kind + ": an app-password kind lives at the provider's server, and only it has a default");
            assertFalse(traits.watchesChanges() && !traits.usesOAuth(),
                    kind + ": only OAuth kinds have a registration where an admin turns watching on");
            assertFalse(traits.organisationFreeBusy() && !traits.organisationWide(),
                    kind + ": free/busy for people who linked nothing needs the organisation's own credentials");
            if (traits.watchesChanges()) {
                assertTrue(traits.notificationRoute().matches("[a-z0-9-]+"), kind + ": " + traits.notificationRoute());
            }
        }
    }

    @Test
    void everyBundleNamesEveryKindWithTheWordsItsTraitsNeed() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String bundle : List.of("org/calsync/domain/shared/errors", "org/calsync/application/mails",
                "org/calsync/interfaces/web/messages")) {
            for (String language : List.of("", "_fr")) {
                Properties texts = load(bundle + language + ".properties");
                for (ProviderTraits traits : DECLARED.values()) {
                    for (String key : keysFor(bundle, traits)) {
                        if (texts.getProperty(key, "").isBlank()) {
                            missing.add(bundle + language + ": " + key);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The keys a kind needs in a bundle: its name everywhere, and on the pages what its traits make them say. */
    private static List<String> keysFor(String bundle, ProviderTraits traits) {
        String kind = traits.type().name();
        List<String> keys = new ArrayList<>(List.of("provider." + kind));
        if (traits.organisationFreeBusy() && bundle.endsWith("errors")) {
            keys.add("freeBusy." + kind);
        }
        if (bundle.endsWith("messages")) {
            if (traits.signIn() == SignIn.APP_PASSWORD) {
                Stream.of("help", "user", "reconnect").forEach(what -> keys.add("appPassword." + what + "." + kind));
            }
            if (traits.organisationFreeBusy()) {
                keys.add("source." + kind + "_FREE_BUSY");
            }
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", resource))) {
            assertNotNull(in, resource);
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return texts;
    }
}
