package org.karyoloop.platform.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identities of the built-in user store, kept for {@link SecurityConfig#identityCacheTtl()}: form sign-in re-reads
 * the user on every request and HTTP Basic checks a bcrypt hash (~0.25 s of CPU at cost 12) on every request; both
 * dominated the annotation role's CPU. A verified Basic password is remembered only as an HMAC under a key drawn at
 * start and never stored, and only for the password that was verified; failures are never cached, so every wrong
 * password still costs a bcrypt check.
 *
 * <p>Thread-safe: entries live in a ConcurrentHashMap and are immutable; loading blocks (database, bcrypt) and must
 * run on a worker thread.
 */
@ApplicationScoped
public class IdentityCache {

    /** Priority of the caching providers: above the default of every provider (1001), so they are asked first. */
    static final int PROVIDER_PRIORITY = 2000;

    private record Entry(SecurityIdentity identity, byte[] passwordMac, long expiresAtNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    private final long ttlNanos;
    private final SecretKeySpec macKey;
    private final ConcurrentHashMap<String, Entry> trusted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    /** A hash no password matches, at the store's cost: what an unknown user's password is checked against. */
    private final String unknownUserHash;

    public IdentityCache(SecurityConfig config) {
        this.ttlNanos = config.identityCacheTtl().toNanos();
        byte[] unguessable = new byte[24];
        new SecureRandom().nextBytes(unguessable);
        this.unknownUserHash = BcryptUtil.bcryptHash(java.util.HexFormat.of().formatHex(unguessable),
                config.bcryptCost());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The identity of a user signed in earlier (form session cookie), or a failure if the user no longer exists. */
    public SecurityIdentity trusted(String username) {
        Entry entry = trusted.get(username);
        if (entry != null && entry.fresh()) {
            return entry.identity();
        }
        SecurityIdentity identity = identity(load(username));
        remember(trusted, username, new Entry(identity, null, System.nanoTime() + ttlNanos));
        return identity;
    }

    /** The identity of {@code username} if {@code password} is theirs; otherwise AuthenticationFailedException. */
    public SecurityIdentity verify(String username, char[] password) {
        byte[] mac = mac(username, password);
        Entry entry = verified.get(username);
        if (entry != null && entry.fresh() && MessageDigest.isEqual(entry.passwordMac(), mac)) {
            return entry.identity();
        }
        UserAccount user = QuarkusTransaction.requiringNew().call(() -> UserAccount.findById(username));
        // An unknown user costs the same bcrypt check as a known one, so the time of a failure does not tell which.
        boolean matches = BcryptUtil.matches(new String(password), user == null ? unknownUserHash : user.passwordHash);
        if (user == null || !matches) {
            throw new AuthenticationFailedException("wrong user name or password");
        }
        SecurityIdentity identity = identity(user);
        remember(verified, username, new Entry(identity, mac, System.nanoTime() + ttlNanos));
        return identity;
    }

    private void remember(ConcurrentHashMap<String, Entry> map, String username, Entry entry) {
        if (ttlNanos > 0) {
            map.put(username, entry);
        }
    }

    private static UserAccount load(String username) {
        UserAccount user = QuarkusTransaction.requiringNew().call(() -> UserAccount.findById(username));
        if (user == null) {
            throw new AuthenticationFailedException("unknown user");
        }
        return user;
    }

    private static SecurityIdentity identity(UserAccount user) {
        Set<String> roles = Arrays.stream(user.roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username)).addRoles(roles)
                .build();
    }

    private byte[] mac(String username, char[] password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(macKey);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
