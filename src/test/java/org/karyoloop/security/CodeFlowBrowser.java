package org.karyoloop.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the authorization code flow needs one: a cookie jar, redirects followed one by one (each one
 * recorded), and the identity provider's sign-in form filled in and posted. Plain HTTP, no JavaScript: Keycloak's
 * sign-in page works without it. Not thread-safe; one per signed-in user.
 */
final class CodeFlowBrowser {

    private static final Pattern FORM_ACTION = Pattern
            .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every address this browser was sent to, in order. */
    final List<URI> visited = new ArrayList<>();

    /**
     * Opens {@code start}, follows its redirects to the provider's sign-in page, posts the user name and password there
     * and follows the redirects that answer it; returns the last response (not a redirect).
     */
    HttpResponse<String> signIn(URI start, String username, String password) {
        HttpResponse<String> page = follow(send(HttpRequest.newBuilder(start).GET()));
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no sign-in form at " + page.uri() + " (" + page.statusCode() + ")");
        }
        URI target = page.uri().resolve(action.group(1).replace("&amp;", "&"));
        String form = form(Map.of("username", username, "password", password, "credentialId", ""));
        return follow(send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send it the {@code Secure} cookies it set (Keycloak sets
     * its session cookies {@code Secure} even over plain HTTP); java.net.CookieManager sends them over https only.
     */
    private static final class LoopbackIsSecure extends CookieHandler {
        private final CookieManager delegate;

        LoopbackIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return delegate.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            delegate.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())) {
                return uri;
            }
            return URI.create("https" + uri.toString().substring("http".length()));
        }
    }

    /** The cookies this browser would send to {@code uri}, by name. */
    Map<String, String> cookiesFor(URI uri) {
        return cookies.getCookieStore().get(LoopbackIsSecure.secure(uri)).stream()
                .collect(Collectors.toMap(HttpCookie::getName, HttpCookie::getValue, (a, b) -> b));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new IllegalStateException("more than 10 redirects: " + visited);
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        visited.add(built.uri());
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
