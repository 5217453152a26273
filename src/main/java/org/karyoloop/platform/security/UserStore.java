package org.karyoloop.platform.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.karyoloop.platform.audit.AuditLog;

/**
 * Creates users of the built-in store with bcrypt-hashed passwords: the configured first admin and
 * test seed users at start, and users an admin adds. Thread-safe (stateless; one transaction per call).
 */
@ApplicationScoped
public class UserStore {

    private static final Logger LOG = Logger.getLogger(UserStore.class);

    private final SecurityConfig config;
    private final AuditLog audit;

    public UserStore(SecurityConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (config.bootstrapAdminUsername().isPresent() && config.bootstrapAdminPassword().isPresent()
                && UserAccount.count("roles like ?1", "%" + Roles.ADMIN + "%") == 0) {
            create("system", config.bootstrapAdminUsername().get(), config.bootstrapAdminPassword().get(),
                    List.of(Roles.ADMIN));
            LOG.infof("created the first admin '%s'", config.bootstrapAdminUsername().get());
        }
        for (String seed : config.seedUsers().orElse(List.of())) {
            String[] parts = seed.split(":", 3);
            if (parts.length == 3 && UserAccount.findById(parts[0]) == null) {
                create("system", parts[0], parts[1], Arrays.asList(parts[2].split("\\+")));
            }
        }
    }

    /** Adds a user; {@code actor} is recorded in the audit trail. */
    @Transactional
    public UserAccount create(String actor, String username, String password, List<String> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new InvalidUserException("user names are 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new InvalidUserException("passwords have at least 8 characters");
        }
        if (roles == null || roles.isEmpty() || !roles.stream().allMatch(Roles::known)) {
            throw new InvalidUserException("roles must be among doctor, operator, lab-system, admin");
        }
        if (UserAccount.findById(username) != null) {
            throw new UserExistsException(username);
        }
        UserAccount user = new UserAccount();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password, config.bcryptCost());
        user.roles = roles.stream().distinct().collect(Collectors.joining(","));
        user.createdAt = Instant.now();
        user.persist();
        audit.record(actor, "user.create", "user", username, "roles=" + user.roles);
        return user;
    }
}
