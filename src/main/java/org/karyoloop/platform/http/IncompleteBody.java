package org.karyoloop.platform.http;

import java.io.IOException;
import org.karyoloop.platform.problem.ProblemException;

/**
 * A request body that broke off before its end, because the client aborted or its connection went: the client's
 * failure, answered 400 (seldom seen: the client is usually gone), so that it is neither counted as a server error
 * in {@code http_server_requests} nor logged as one. Thrown where a resource reads a body from the network.
 */
public final class IncompleteBody extends ProblemException {

    public IncompleteBody(IOException cause) {
        super(Kind.INVALID, "incomplete-body", "Body incomplete",
                "the request body ended before it was complete (the client aborted or its connection closed)", cause);
    }
}
