package org.calsync.infrastructure.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.calsync.domain.shared.StartupFailure;

/**
 * Every instance must encrypt and decrypt with the same secrets key. The first instance stores the key's check
 * value (never the key); an instance whose key gives another value refuses to start, instead of failing later on
 * every linked account it touches. A database that has secrets but no check value yet (upgraded from a version
 * before the check) is checked by decrypting one of them.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecretsKeyCheck {

    static final String FACT = "secrets-key-check";
    static final String DIFFERENT_KEY = "This instance's secrets key (CALSYNC_CRYPTO_KEY, or secret.key in the data folder) is"
            + " not the one this database's passwords and tokens were encrypted with. Start every instance with the same"
            + " key as the others; a new key would make every linked calendar account unusable.";
    private static final Logger LOG = Logger.getLogger(SecretsKeyCheck.class.getName());

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    @Inject
    private AesGcmSecretCipher cipher;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void verifyOrStop() {
        StartupFailure.guard("checking the secrets key", this::verify);
    }

    private void verify() {
        String ours = cipher.checkValue();
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> stored = stored(connection);
            if (stored.isEmpty()) {
                sampleSecret(connection).ifPresent(this::decryptsWithOurKey);
                record(connection, ours);
                stored = stored(connection); // ours, or that of an instance that started at the same moment
            }
            if (!stored.orElseThrow().equals(ours)) {
                throw new IllegalStateException(DIFFERENT_KEY);
            }
            LOG.fine("The secrets key matches the database's check value");
        } catch (SQLException e) {
            throw new IllegalStateException("The secrets key could not be checked against the database", e);
        }
    }

    private void decryptsWithOurKey(String secret) {
        try {
            cipher.decrypt(secret);
        } catch (RuntimeException e) {
            throw new IllegalStateException(DIFFERENT_KEY, e);
        }
    }

    private static Optional<String> stored(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fact_value FROM installation_fact WHERE name = ?")) {
            select.setString(1, FACT);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<String> sampleSecret(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT secret_cipher FROM calendar_account WHERE secret_cipher LIKE 'v1:%'");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    private static void record(Connection connection, String checkValue) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO installation_fact (name, fact_value) VALUES (?, ?)")) {
            insert.setString(1, FACT);
            insert.setString(2, checkValue);
            insert.executeUpdate();
        } catch (SQLException raced) {
            if (raced.getSQLState() == null || !raced.getSQLState().startsWith("23")) {
                throw raced;
            }
        }
    }
}
