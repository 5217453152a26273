package org.karyoloop.platform.security;

/** The roles a user may have; an endpoint names the roles it admits with {@code @RolesAllowed}. */
public final class Roles {

    /** Claims and labels images. */
    public static final String DOCTOR = "doctor";
    /** Manages models and rollouts; reads everything. */
    public static final String OPERATOR = "operator";
    /** A machine that sends images (microscopes, the laboratory information system). */
    public static final String LAB_SYSTEM = "lab-system";
    /** Manages users; reads the audit trail. */
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** Whether {@code role} is one of the four. */
    public static boolean known(String role) {
        return DOCTOR.equals(role) || OPERATOR.equals(role) || LAB_SYSTEM.equals(role) || ADMIN.equals(role);
    }
}
