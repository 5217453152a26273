package org.karyoloop.platform.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response.Status;
import org.karyoloop.platform.problem.Problem;

/**
 * The problem bodies and the challenge of the two security refusals: 401 (no or wrong credentials) and 403 (the
 * caller's roles do not admit the request). A request from the pages (header {@value #PAGE_HEADER}) is challenged
 * with the scheme {@code Form}, so that a browser does not pop up its own Basic sign-in dialog; every other caller
 * with {@code Basic}. With the lab's identity provider (OIDC mode) the pages are challenged with {@code OpenIdConnect}
 * and the sign-in path {@value #SIGN_IN_PATH}, which starts the authorization code flow, and machines with
 * {@code Bearer}.
 */
public final class AuthProblems {

    /** The header the pages send with every request they make by {@code fetch}. */
    public static final String PAGE_HEADER = "X-Requested-With";
    /** The challenge for machines and other HTTP clients. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"karyoloop\", charset=\"UTF-8\"";
    /** The challenge for the pages: sign in with the form at /j_security_check. */
    public static final String FORM_CHALLENGE = "Form realm=\"karyoloop\"";
    /** Where a page sends the browser to sign in through the identity provider (followed by the page's name). */
    public static final String SIGN_IN_PATH = "/api/sign-in";
    /** The challenge for machines in OIDC mode: a bearer token from the identity provider. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"karyoloop\"";
    /** The challenge for the pages in OIDC mode: send the browser to {@value #SIGN_IN_PATH}. */
    public static final String OIDC_PAGE_CHALLENGE = "OpenIdConnect realm=\"karyoloop\", sign-in=\"" + SIGN_IN_PATH
            + "\"";

    private AuthProblems() {
    }

    /** 401: no credentials, wrong ones, or a session that has ended. */
    public static Problem unauthorized() {
        return Problem.of(Status.UNAUTHORIZED, "unauthorized", "Sign-in required",
                "sign in: HTTP Basic or a bearer token, or the session cookie of the pages' sign-in");
    }

    /** 403: signed in, but without a role that this request admits. */
    public static Problem forbidden() {
        return Problem.of(Status.FORBIDDEN, "forbidden", "Not allowed", "your roles do not admit this request");
    }

    /** The {@code WWW-Authenticate} value for a request that carried {@code pageHeader} (null when it did not). */
    public static String challenge(String pageHeader, SecurityConfig.Mode mode) {
        if (mode == SecurityConfig.Mode.OIDC) {
            return pageHeader == null ? BEARER_CHALLENGE : OIDC_PAGE_CHALLENGE;
        }
        return pageHeader == null ? BASIC_CHALLENGE : FORM_CHALLENGE;
    }

    /** 401 or 403 for a security failure; 0 for any other failure. */
    public static int status(Throwable failure) {
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            return 401;
        }
        return failure instanceof ForbiddenException ? 403 : 0;
    }
}
