package org.karyoloop.platform.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user of the built-in store: the password only as a bcrypt hash (Modular Crypt Format, verified
 * by quarkus-security-jpa), roles comma-separated. Production may authenticate with OIDC instead.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserAccount extends PanacheEntityBase {

    @Id
    @Username
    public String username;

    @Password
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Roles
    @Column(nullable = false)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
